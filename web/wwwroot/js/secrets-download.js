// Cameras imported in bulk: their secrets, shown once, saved by the browser as a CSV for the installers
// (made here from the table on the page; the server keeps only hashes).
(function () {
  "use strict";
  const button = document.getElementById("download-secrets");
  if (!button) return;
  button.addEventListener("click", () => {
    const quote = text => `"${String(text).replace(/"/g, '""')}"`;
    const rows = Array.from(document.querySelectorAll("#secret-rows tr"))
      .map(tr => Array.from(tr.cells).map(c => quote(c.textContent.trim())).join(","));
    const blob = new Blob(["\ufeff" + rows.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = button.dataset.file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
})();
