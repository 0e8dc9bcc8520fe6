// 定时抓拍: today's pictures come in live. A picture just taken, or a to-do raised or done elsewhere, re-reads the grid,
// tiles and to-dos from the server (at most once a second) — unless the reader is writing a to-do or a note there, who
// gets a button to show them instead of losing the text.
(function () {
  "use strict";
  // Looked up each time: a refresh replaces the grid.
  const grid = () => document.getElementById("pictures");
  if (!grid() || grid().dataset.today !== "true" || !window.SmartStoreLive) return;
  const fresh = document.getElementById("fresh-pictures");
  const state = document.getElementById("live-state");
  const setState = key => { if (state) state.textContent = state.dataset[key]; };

  const refreshed = ["inspection-tiles", "pictures", "todos"];
  const busy = () => refreshed.map(id => document.getElementById(id)).filter(Boolean)
    .some(part => part.contains(document.activeElement) || [...part.querySelectorAll("input")].some(i => i.value.trim() !== ""));

  async function refresh() {
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of refreshed) {
      const now = document.getElementById(id), next = page.getElementById(id);
      if (now && next) now.replaceWith(next);
    }
    fresh.hidden = true;
  }

  let pending = null;
  function changed() {
    if (busy()) { fresh.hidden = false; return; }
    if (pending) return;
    pending = setTimeout(() => { pending = null; refresh().catch(e => console.error("inspections:", e)); }, 1000);
  }

  fresh.querySelector("button").addEventListener("click", () => refresh());
  window.SmartStoreLive.follow({ "inspection-picture": changed, "store-todos": changed }, { showState: setState });
})();
