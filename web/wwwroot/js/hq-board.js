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

  // What a closure raised live says, as the served board says it: since when on the store's clock, and how many walked past.
  function closureText(closure, zone) {
    let since = "";
    try {
      since = new Date(closure.sinceUtc).toLocaleTimeString(document.documentElement.lang, { timeZone: zone || undefined, hour: "2-digit", minute: "2-digit", hour12: false });
    } catch (e) {
      since = new Date(closure.sinceUtc).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit", hour12: false });
    }
    return words.closedSince.replace("{0}", since).replace("{1}", String(closure.passersBy));
  }

  // Today's foot traffic: a store's row follows its grain; the tiles add up the rows on this board.
  function showTraffic(update) {
    const row = document.querySelector(`tr[data-store="${CSS.escape(update.storeCode || "")}"]`);
    if (!row || !update.traffic) return;
    // A store that looks closed during its opening hours, or open again: its tag, and the tile counting them.
    const closed = row.querySelector(".closed-tag");
    if (closed) {
      closed.hidden = !update.looksClosed;
      closed.title = update.looksClosed ? closureText(update.looksClosed, row.dataset.zone) : "";
      const count = document.getElementById("closed-count");
      if (count) count.textContent = String(document.querySelectorAll(".closed-tag:not([hidden])").length);
    }
    const set = window.SmartStoreLive.showStoreTraffic(row, update.traffic);
    if (typeof update.traffic.uniqueVisitors === "number") {
      row.dataset.unique = String(update.traffic.uniqueVisitors);
      set("uniqueVisitors", [...document.querySelectorAll("tr[data-store]")].reduce((s, tr) => s + Number(tr.dataset.unique || 0), 0));
    }
  }

  // Finding stores on a board of thousands: a search, a choice of which stores to show, and sortable columns.
  const table = document.getElementById("camera-board");
  const search = document.getElementById("board-search");
  const show = document.getElementById("board-show");
  const shownLabel = document.getElementById("board-shown");
  const rows = () => Array.from(table.tBodies[0].rows);

  function stateOf(row) {
    const cameras = Array.from(row.querySelectorAll("td.cam"));
    const offline = cameras.some(c => c.classList.contains("offline"));
    const fault = cameras.some(c => (c.dataset.faults || "").length > 0);
    const closed = !!row.querySelector(".closed-tag:not([hidden])");
    return { all: true, offline, fault, closed, attention: offline || fault || closed };
  }

  function place(row, query) {
    row.hidden = !((!query || (row.dataset.search || "").includes(query)) && stateOf(row)[show.value]);
  }

  function countShown() {
    const all = rows();
    shownLabel.textContent = shownLabel.dataset.format
      .replace("{0}", String(all.filter(r => !r.hidden).length)).replace("{1}", String(all.length));
    document.querySelectorAll("[data-show]").forEach(t => t.setAttribute("aria-pressed", String(t.dataset.show === show.value)));
  }

  function filter() {
    const query = search.value.trim().toLowerCase();
    rows().forEach(row => place(row, query));
    countShown();
    // The choice stays in the address, so a link (or a reload) shows the same stores.
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", search.value.trim()); else url.searchParams.delete("q");
    if (show.value !== "all") url.searchParams.set("show", show.value); else url.searchParams.delete("show");
    history.replaceState(null, "", url);
  }

  // A live change may move a store into or out of what is shown; the order stays until the reader sorts again.
  function refilter(row) {
    if (!row) return;
    place(row, search.value.trim().toLowerCase());
    countShown();
  }

  const numeric = new Set(["entries", "passersBy", "occupancy", "compliance"]);
  function sortValue(row, key) {
    if (key === "store") return row.dataset.store;
    if (key === "region" || key === "city") return row.querySelector(`td[data-${key}]`).textContent.trim();
    const cell = row.querySelector(key === "compliance" ? "td[data-compliance]" : `td[data-traffic="${key}"]`);
    const value = parseFloat(cell ? cell.textContent : "");
    return Number.isNaN(value) ? -1 : value;
  }

  function sortBy(header) {
    const key = header.dataset.sort;
    const ascending = header.getAttribute("aria-sort") === "descending"
      || (header.getAttribute("aria-sort") !== "ascending" && !numeric.has(key));
    const direction = ascending ? 1 : -1;
    const sorted = rows().sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      const order = numeric.has(key) ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
      return order * direction || a.dataset.store.localeCompare(b.dataset.store);
    });
    table.tBodies[0].append(...sorted);
    table.querySelectorAll("th[data-sort]").forEach(th => th.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    document.getElementById("board-order").hidden = true;
  }

  table.querySelectorAll("th[data-sort] button").forEach(b => b.addEventListener("click", () => sortBy(b.parentElement)));
  search.addEventListener("input", filter);
  show.addEventListener("change", filter);
  document.querySelectorAll("button[data-show]").forEach(tile => tile.addEventListener("click", () => {
    show.value = show.value === tile.dataset.show ? "all" : tile.dataset.show;
    filter();
  }));
  const asked = new URLSearchParams(location.search);
  search.value = asked.get("q") || "";
  if (asked.get("show") && show.querySelector(`option[value="${CSS.escape(asked.get("show"))}"]`)) show.value = asked.get("show");
  filter();

  // A board left on the wall across a store's opening or closing time says again then how many are open.
  window.SmartStoreLive.followHours("open-now-slot", ["open-now-slot"]);

  window.SmartStoreLive.follow({
    "camera-status": update => { apply(update); refilter(update.camera && table.querySelector(`td.cam[data-camera="${CSS.escape(update.camera.cameraCode)}"]`)?.closest("tr")); },
    "store-traffic": update => { showTraffic(update); refilter(table.querySelector(`tr[data-store="${CSS.escape(update.storeCode || "")}"]`)); },
    "store-shelf": update => {
      const cell = document.querySelector(`tr[data-store="${CSS.escape(update.storeCode || "")}"] td[data-compliance]`);
      if (cell) cell.textContent = update.compliance === null || update.compliance === undefined ? "—" : Math.round(update.compliance * 100) + "%";
    },
  }, { showState: setState });
})();
