// Camera page: asks the hub for this camera's snapshots (the server checks scope) and swaps in each new image.
(function () {
  "use strict";
  const card = document.getElementById("uploads");
  if (!card || !window.SmartStoreLive) return;
  const camera = card.dataset.camera;
  const image = document.getElementById("last-image");
  const caption = document.getElementById("last-image-caption");
  const accepted = document.getElementById("accepted-count");

  window.SmartStoreLive.follow({
    "camera-snapshot": update => {
      if (!update.camera || update.camera.cameraCode !== camera || !update.snapshotId) return;
      image.src = `/api/snapshots/${update.snapshotId}/image`;
      image.hidden = false;
      const placeholder = document.getElementById("no-image");
      if (placeholder) placeholder.remove();
      caption.textContent = `#${update.snapshotId} · ${new Date(update.atUtc).toLocaleTimeString()}`;
      accepted.textContent = String(Number(accepted.textContent) + 1);
      document.body.dataset.lastSnapshot = String(update.snapshotId);
    },
  }, { onConnected: connection => connection.invoke("WatchCamera", camera) });
})();
