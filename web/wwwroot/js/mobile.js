// The mobile view (/m): today's counters of each store card follow the live feed, with the store's closure tag; what
// needs attention is read again when a camera or a store changes between fine and not, and the store map its dots; the
// service worker makes it installable and shows a page of its own when the phone has no network.
(function () {
  "use strict";
  const liveState = document.getElementById("live-state");

  function setState(key) {
    liveState.textContent = liveState.dataset[key];
    liveState.parentElement.classList.toggle("lost", key === "lost");
  }

  // The store map (store-map.js), when open, reads its dots again.
  const storeChanged = () => document.dispatchEvent(new CustomEvent("smartstore:store-changed"));

  function showTraffic(update) {
    const card = document.querySelector(`.store-card[data-store="${CSS.escape(update.storeCode || "")}"]`);
    if (!card || !update.traffic) return;
    const closed = card.querySelector(".closed-tag");
    if (closed) closed.hidden = !update.looksClosed;
    window.SmartStoreLive.showStoreTraffic(card, update.traffic);
  }

  // A page left open across a store's opening or closing time reads its cards ("10:00 开门", "已打烊") and how many are
  // open again then.
  window.SmartStoreLive.followHours("mobile-stores", ["open-now-slot", "mobile-stores"]);

  // The list is the server's (wording, order, evidence): fetched again when it no longer matches.
  const refreshAttention = window.SmartStoreLive.rereader(["attention"]);

  const listed = selector => document.querySelectorAll(`#attention li${selector}`).length;

  // A camera is listed once when offline and once per view fault.
  function cameraChanged(update) {
    const camera = update.camera;
    if (!camera || !document.querySelector(`.store-card[data-store="${CSS.escape(camera.storeCode || "")}"]`)) return;
    storeChanged();
    const expected = (camera.online ? 0 : 1) + (camera.faults || []).length;
    if (expected !== listed(`[data-camera="${CSS.escape(camera.cameraCode)}"]`)) refreshAttention();
  }

  function trafficChanged(update) {
    showTraffic(update);
    storeChanged();
    const shown = listed(`[data-store="${CSS.escape(update.storeCode || "")}"][data-what="looks-closed"]`);
    if ((update.looksClosed ? 1 : 0) !== shown) refreshAttention();
  }

  // A scheduled picture taken changes how many wait for the reviewer's look, a to-do raised or done what the store has
  // to put right: the list is read again.
  window.SmartStoreLive.follow({ "store-traffic": trafficChanged, "camera-status": cameraChanged, "inspection-picture": refreshAttention,
    "store-todos": refreshAttention },
    { showState: setState });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/m" }).catch(e => console.error("service worker:", e));
  }
})();
