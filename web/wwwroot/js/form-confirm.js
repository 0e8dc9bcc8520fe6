// A form that says data-confirm="…" asks before it is sent, and a list marked data-submit-on-change sends its form as
// soon as a choice is made. Here rather than in the pages' onsubmit / onchange attributes: the pages' security policy
// runs no inline script. Capturing, so a form not sent is never marked busy (busy-forms.js checks defaultPrevented).
(function () {
  "use strict";
  document.addEventListener("submit", event => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
  }, true);
  document.addEventListener("change", event => {
    const list = event.target;
    if (list instanceof HTMLSelectElement && list.hasAttribute("data-submit-on-change") && list.form) list.form.requestSubmit();
  });
})();
