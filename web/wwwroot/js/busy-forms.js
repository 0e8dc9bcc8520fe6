// A form marked data-busy="…" that may take seconds (a sheet of 2,000 rows, holiday hours for every store) says so once
// sent: its submit button is disabled and reads the data-busy text, so the wait is visible and a second click does not
// send the same work again.
(function () {
  "use strict";
  document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.busy || event.defaultPrevented) return;
    const button = event.submitter || form.querySelector("button[type=submit], button:not([type])");
    form.setAttribute("aria-busy", "true");
    // After this turn: a disabled button's own name and value would be left out of what is sent.
    setTimeout(() => {
      if (!button) return;
      button.dataset.idle = button.textContent;
      button.textContent = form.dataset.busy;
      button.disabled = true;
    });
  });
  // Back to a page kept in the browser's cache: its forms can be sent again.
  window.addEventListener("pageshow", event => {
    if (!event.persisted) return;
    document.querySelectorAll("form[aria-busy=true]").forEach(form => {
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[data-idle]").forEach(b => { b.textContent = b.dataset.idle; b.disabled = false; });
    });
  });
})();
