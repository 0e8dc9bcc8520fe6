// Shows every <time datetime="…Z"> in the reader's own time zone, in the page's language.
(function () {
  "use strict";
  const lang = document.documentElement.lang || undefined;
  const format = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" };
  document.querySelectorAll("time[datetime]").forEach(t => {
    const at = new Date(t.dateTime);
    if (!isNaN(at)) t.textContent = at.toLocaleString(lang, format);
  });
})();
