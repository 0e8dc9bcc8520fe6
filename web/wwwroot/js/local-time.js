// Shows every <time datetime="…Z"> in the reader's own time zone, as the server writes the times it renders itself
// (2026-12-06 22:43:08, in either language): one page does not mix "2026/12/06" or "12/06/2026, 10:43 PM" with them.
(function () {
  "use strict";
  const two = n => String(n).padStart(2, "0");
  document.querySelectorAll("time[datetime]").forEach(t => {
    const at = new Date(t.dateTime);
    if (isNaN(at)) return;
    t.textContent = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  });
})();
