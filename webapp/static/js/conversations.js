// Notifications page: "Marquer comme lue" and "Tout marquer comme lu" without
// reloading. Progressive enhancement: the forms work without this script (POST,
// redirect back); with it, the same form is sent with fetch (CSRF token from the
// form, in the X-CSRFToken header), the item loses its unread mark and the
// header's count follows.
(function () {
  "use strict";

  function announce(text) {
    var status = document.querySelector(".js-status");
    if (status) {
      status.textContent = text;
    }
  }

  function setBadge(unread) {
    var badge = document.querySelector("[data-unread-badge]");
    if (!badge) {
      return;
    }
    if (unread > 0) {
      badge.textContent = unread > 99 ? "99+" : String(unread);
    } else {
      badge.remove();
    }
  }

  function markDone(item) {
    item.classList.remove("is-unread");
    var form = item.querySelector("form[data-mark-read]");
    if (form) {
      form.remove();
    }
    var hint = item.querySelector(".notification-body .visually-hidden");
    if (hint) {
      hint.remove();
    }
  }

  function send(form, done) {
    var token = form.querySelector("input[name=csrf_token]");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    }).then(done).catch(function () {
      form.submit();  // fall back to the ordinary form submission
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!window.fetch) {
      return;
    }
    if (form.matches("form[data-mark-read]")) {
      event.preventDefault();
      var item = form.closest(".notification");
      send(form, function (data) {
        markDone(item);
        setBadge(data.unread);
        announce(form.dataset.doneMessage || "");
      });
    } else if (form.matches("form[data-mark-all]")) {
      event.preventDefault();
      send(form, function () {
        document.querySelectorAll(".notification.is-unread").forEach(markDone);
        setBadge(0);
        form.remove();
        announce(form.dataset.doneMessage || "");
      });
    }
  });
})();
