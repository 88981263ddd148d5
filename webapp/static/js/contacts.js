// Address-book page: show the upload's progress.
// Progressive enhancement: the form works without this script (multipart POST,
// redirect back to the page with a message). With it, the same form is sent
// with XMLHttpRequest, whose upload events feed the <progress> bar; the server
// answers in JSON with the page to open, where its message is shown. The
// texts come from the form's data-* attributes, in the page's language.
(function () {
  "use strict";

  function say(form, text) {
    var status = form.querySelector(".contacts-status");
    if (status) {
      status.textContent = text;
    }
  }

  function send(form) {
    var input = form.querySelector("input[type=file]");
    var bar = form.querySelector(".contacts-progress");
    var button = form.querySelector("button[type=submit]");
    var limit = parseInt(form.getAttribute("data-max-bytes"), 10);
    var file = input && input.files && input.files[0];
    if (!file) {
      return false;
    }
    if (limit && file.size > limit) {
      say(form, form.getAttribute("data-too-big"));
      return true;
    }
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        bar.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value");  // indeterminate while the server reads and matches
      say(form, form.getAttribute("data-matching"));
    });
    request.addEventListener("load", function () {
      var answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (error) {
        answer = null;
      }
      window.location.assign(answer && answer.redirect ? answer.redirect : form.action.replace(/\/import$/, ""));
    });
    request.addEventListener("error", function () {
      button.disabled = false;
      bar.hidden = true;
      say(form, form.getAttribute("data-failed"));
    });
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    say(form, form.getAttribute("data-sending"));
    request.send(new FormData(form));
    return true;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form.contacts-upload") || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    if (send(form)) {
      event.preventDefault();
    }
  });
})();
