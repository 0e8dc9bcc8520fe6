// 定时抓拍: today's pictures come in live. A picture just taken, or a to-do raised or done elsewhere, re-reads the grid,
// tiles and to-dos from the server (at most once a second) — unless the reader is writing a to-do or a note there, who
// gets a button to show them instead of losing the text.
(function () {
  "use strict";
  // A proof photo chosen shows on its button, on every view of the page (delegated: the to-do list is re-read in place).
  // A large phone photo is sent as a smaller copy (photo-shrink.js).
  document.addEventListener("change", e => {
    const pick = e.target.closest?.(".proof-pick");
    if (!pick) return;
    pick.classList.toggle("chosen", e.target.files.length > 0);
    window.SmartStorePhotoShrink?.onChosen(e.target);
  });
  // Looked up each time: a refresh replaces the grid.
  const grid = () => document.getElementById("pictures");
  if (!grid() || grid().dataset.today !== "true" || !window.SmartStoreLive) return;
  const fresh = document.getElementById("fresh-pictures");
  const state = document.getElementById("live-state");
  const setState = key => { if (state) state.textContent = state.dataset[key]; };

  const refreshed = ["inspection-tiles", "pictures", "todos"];
  // Busy: the reader is in a field of these parts, or has changed one — typed, picked another day than the one it came
  // with (a deadline), chosen a photo (the forms' hidden antiforgery tokens aside).
  const changedField = i => i.type === "file" ? i.files.length > 0 : i.value !== i.defaultValue;
  const busy = () => refreshed.map(id => document.getElementById(id)).filter(Boolean)
    .some(part => part.contains(document.activeElement) || [...part.querySelectorAll("input:not([type=hidden])")].some(changedField));

  const reread = window.SmartStoreLive.rereader(refreshed, () => { fresh.hidden = true; });
  function changed() {
    if (busy()) fresh.hidden = false;
    else reread();
  }

  fresh.querySelector("button").addEventListener("click", reread);
  window.SmartStoreLive.follow({ "inspection-picture": changed, "store-todos": changed }, { showState: setState });
})();
