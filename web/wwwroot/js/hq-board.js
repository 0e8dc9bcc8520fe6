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
  }

  function showSeen(cell) {
    const seen = cell.querySelector(".seen");
    const utc = seen && seen.dataset.utc;
    if (!utc) return;
    seen.textContent = new Date(utc).toLocaleTimeString();
  }

  function apply(update) {
    const camera = update.camera;
    if (!camera) return;
    const cell = document.querySelector(`td.cam[data-camera="${CSS.escape(camera.cameraCode)}"]`);
    if (!cell) return;
    cell.classList.remove("online", "offline", "unknown");
    cell.classList.add(camera.online ? "online" : "offline");
    cell.querySelector(".state").textContent = camera.online ? words.online : words.offline;
    cell.querySelector(".seen").dataset.utc = camera.lastSeenUtc || "";
    showSeen(cell);
    cell.classList.add("flash");
    setTimeout(() => cell.classList.remove("flash"), 1200);
    recount();
  }

  document.querySelectorAll("td.cam").forEach(showSeen);

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
    .build();
  connection.on("camera-status", apply);
  connection.onreconnecting(() => setState("lost"));
  connection.onreconnected(() => setState("live"));

  async function start() {
    try {
      await connection.start();
      setState("live");
      document.body.dataset.live = "connected";
    } catch (e) {
      setState("lost");
      setTimeout(start, 3000);
    }
  }
  start();
})();
