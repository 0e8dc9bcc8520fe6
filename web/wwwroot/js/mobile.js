// The mobile view (/m): today's counters of each store card follow the live feed, with the store's closure tag; the
// service worker makes it installable and shows a page of its own when the phone has no network.
(function () {
  "use strict";
  const liveState = document.getElementById("live-state");

  function setState(key) {
    liveState.textContent = liveState.dataset[key];
    liveState.parentElement.classList.toggle("lost", key === "lost");
  }

  function showTraffic(update) {
    const card = document.querySelector(`.store-card[data-store="${CSS.escape(update.storeCode || "")}"]`);
    if (!card || !update.traffic) return;
    card.querySelectorAll("[data-traffic]").forEach(b => { b.textContent = String(update.traffic[b.dataset.traffic] ?? 0); });
    const closed = card.querySelector(".closed-tag");
    if (closed) closed.hidden = !update.looksClosed;
    const sum = field => [...document.querySelectorAll(`.store-card [data-traffic="${field}"]`)].reduce((s, b) => s + Number(b.textContent), 0);
    const entries = sum("entries"), passers = sum("passersBy");
    const set = (name, text) => { const el = document.querySelector(`[data-total="${name}"]`); if (el) el.textContent = text; };
    set("entries", entries);
    set("passersBy", passers);
    set("occupancy", sum("occupancy"));
    set("entryRate", entries + passers === 0 ? "—" : Math.round(100 * entries / (entries + passers)) + "%");
  }

  window.SmartStoreLive.follow({ "store-traffic": showTraffic }, { showState: setState });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/m" }).catch(e => console.error("service worker:", e));
  }
})();
