// HQ board: follows /hubs/live and redraws a camera cell when its grain reports a change.
(function () {
  "use strict";
  const words = JSON.parse(document.getElementById("ui-words").textContent);
  const liveState = document.getElementById("live-state");

  function setState(key) {
    liveState.textContent = liveState.dataset[key];
    liveState.parentElement.classList.toggle("lost", key === "lost");
  }

  function recount() {
    const cells = document.querySelectorAll("td.cam[data-camera]:not([data-camera=''])");
    let online = 0, offline = 0;
    cells.forEach(c => {
      if (c.classList.contains("online")) online++;
      else if (c.classList.contains("offline")) offline++;
    });
    document.getElementById("online-count").textContent = online;
    document.getElementById("offline-count").textContent = offline;
    // Cameras that never reported are not offline: they are counted apart.
    document.getElementById("unknown-count").textContent = cells.length - online - offline;
    document.getElementById("fault-count").textContent =
      Array.from(cells).filter(c => (c.dataset.faults || "").length > 0).length;
  }

  function showFaults(cell, faults) {
    cell.dataset.faults = faults.join(" ");
    const tag = cell.querySelector(".fault-tag");
    if (tag) tag.textContent = faults.map(f => words.faults[f] || f).join(" · ");
  }

  // The store grain hears of a camera when its status changes, not at every heartbeat: an offline camera's time is its
  // last heartbeat; an online camera's would only say since when it is online, read as a stale heartbeat — not shown.
  function showSeen(cell) {
    const seen = cell.querySelector(".seen");
    const utc = seen && seen.dataset.utc;
    if (!seen) return;
    seen.textContent = utc && cell.classList.contains("offline") ? `${words.lastSeen} ${new Date(utc).toLocaleTimeString()}` : "";
  }

  function apply(update) {
    const camera = update.camera;
    if (!camera) return;
    const cell = document.querySelector(`td.cam[data-camera="${CSS.escape(camera.cameraCode)}"]`);
    if (!cell) return;
    cell.classList.remove("online", "offline", "unknown");
    cell.classList.add(camera.online ? "online" : "offline");
    cell.querySelector(".state").textContent = camera.online ? words.online : words.offline;
    showFaults(cell, camera.faults || []);
    cell.querySelector(".seen").dataset.utc = camera.lastSeenUtc || "";
    showSeen(cell);
    cell.classList.add("flash");
    setTimeout(() => cell.classList.remove("flash"), 1200);
    recount();
  }

  document.querySelectorAll("td.cam").forEach(showSeen);

  // Today's foot traffic: a store's row follows its grain; the tiles add up the rows on this board.
  function showTraffic(update) {
    const row = document.querySelector(`tr[data-store="${CSS.escape(update.storeCode || "")}"]`);
    if (!row || !update.traffic) return;
    // A store that looks closed during its opening hours, or open again: its tag, and the tile counting them.
    const closed = row.querySelector(".closed-tag");
    if (closed) {
      closed.hidden = !update.looksClosed;
      const count = document.getElementById("closed-count");
      if (count) count.textContent = String(document.querySelectorAll(".closed-tag:not([hidden])").length);
    }
    const set = window.SmartStoreLive.showStoreTraffic(row, update.traffic);
    if (typeof update.traffic.uniqueVisitors === "number") {
      row.dataset.unique = String(update.traffic.uniqueVisitors);
      set("uniqueVisitors", [...document.querySelectorAll("tr[data-store]")].reduce((s, tr) => s + Number(tr.dataset.unique || 0), 0));
    }
  }

  window.SmartStoreLive.follow({
    "camera-status": apply,
    "store-traffic": showTraffic,
    "store-shelf": update => {
      const cell = document.querySelector(`tr[data-store="${CSS.escape(update.storeCode || "")}"] td[data-compliance]`);
      if (cell) cell.textContent = update.compliance === null || update.compliance === undefined ? "—" : Math.round(update.compliance * 100) + "%";
    },
  }, { showState: setState });
})();
