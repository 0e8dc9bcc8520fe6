// 定时抓拍: today's pictures come in live. A picture just taken re-reads the grid and tiles from the server (at most once
// a second) — unless the reviewer is writing a to-do there, who gets a button to show them instead of losing the text.
(function () {
  "use strict";
  // Looked up each time: a refresh replaces the grid.
  const grid = () => document.getElementById("pictures");
  if (!grid() || grid().dataset.today !== "true" || !window.SmartStoreLive) return;
  const fresh = document.getElementById("fresh-pictures");
  const state = document.getElementById("live-state");
  const setState = key => { if (state) state.textContent = state.dataset[key]; };

  const busy = () => grid().contains(document.activeElement) || [...grid().querySelectorAll("input")].some(i => i.value.trim() !== "");

  async function refresh() {
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of ["inspection-tiles", "pictures"]) {
      const now = document.getElementById(id), next = page.getElementById(id);
      if (now && next) now.replaceWith(next);
    }
    fresh.hidden = true;
  }

  let pending = null;
  function pictureTaken() {
    if (busy()) { fresh.hidden = false; return; }
    if (pending) return;
    pending = setTimeout(() => { pending = null; refresh().catch(e => console.error("inspections:", e)); }, 1000);
  }

  fresh.querySelector("button").addEventListener("click", () => refresh());
  window.SmartStoreLive.follow({ "inspection-picture": pictureTaken }, { showState: setState });
})();
