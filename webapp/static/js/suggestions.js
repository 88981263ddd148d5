// Suggestions page: send "Ajouter" / "Pas intéressé" without reloading the page.
// Progressive enhancement: the forms work without this script (POST, redirect
// back); with it, the same form is sent with fetch (CSRF token from the form,
// in the X-CSRFToken header) and the card is replaced by the answer.
(function () {
  "use strict";

  function announce(text) {
    var status = document.querySelector(".js-status");
    if (status) {
      status.textContent = text;
    }
  }

  function send(form) {
    var card = form.closest(".suggestion");
    var buttons = card ? card.querySelectorAll("button") : form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    var token = form.querySelector("input[name=csrf_token]");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (answer) {
      announce(answer.data.message || "");
      if (answer.ok && card) {
        var note = document.createElement("p");
        note.className = "suggestion-done";
        note.textContent = answer.data.message || "";
        card.querySelector(".actions").replaceWith(note);
        card.classList.add("done");
      } else {
        buttons.forEach(function (b) { b.disabled = false; });
      }
    }).catch(function () {
      // Network trouble: fall back to the ordinary form submission.
      form.submit();
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-suggestion-action]") || !window.fetch) {
      return;
    }
    event.preventDefault();
    send(form);
  });
})();
