// SKU page: crop a reference photo to the one product — drag a box on the photo, save, and the crop replaces it.
(function () {
  "use strict";
  const dialog = document.getElementById("crop-dialog");
  if (!dialog) return;
  const image = document.getElementById("crop-image"), box = document.getElementById("crop-box");
  const form = document.getElementById("crop-form"), save = document.getElementById("crop-save");
  const size = document.getElementById("crop-size");
  const minSide = 32; // PhotoCrop.MinSide: the server refuses smaller crops
  let from = null, region = null;

  // Region in the photo's own (upright) pixels, from two points in the displayed image: each axis scaled on its own,
  // corners rounded and kept inside the photo, so a drag to the edge never asks for a pixel past it.
  function toPhoto(a, b) {
    const shownWidth = image.getBoundingClientRect().width, shownHeight = image.getBoundingClientRect().height;
    const sx = image.naturalWidth / shownWidth, sy = image.naturalHeight / shownHeight;
    const clamp = (v, max) => Math.min(Math.max(v, 0), max);
    const x1 = clamp(Math.min(a.x, b.x), shownWidth), y1 = clamp(Math.min(a.y, b.y), shownHeight);
    const x2 = clamp(Math.max(a.x, b.x), shownWidth), y2 = clamp(Math.max(a.y, b.y), shownHeight);
    const left = clamp(Math.round(x1 * sx), image.naturalWidth), top = clamp(Math.round(y1 * sy), image.naturalHeight);
    const right = clamp(Math.round(x2 * sx), image.naturalWidth), bottom = clamp(Math.round(y2 * sy), image.naturalHeight);
    return { x: left, y: top, width: right - left, height: bottom - top, shown: { x1, y1, x2, y2 } };
  }

  function point(event) {
    const r = image.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  }

  function show() {
    box.hidden = !region;
    const ok = !!region && region.width >= minSide && region.height >= minSide;
    save.disabled = !ok;
    size.textContent = region ? `${region.width} × ${region.height}` : "";
    if (!region) return;
    const s = region.shown;
    Object.assign(box.style, { left: `${image.offsetLeft + s.x1}px`, top: `${image.offsetTop + s.y1}px`, width: `${s.x2 - s.x1}px`, height: `${s.y2 - s.y1}px` });
    for (const name of ["x", "y", "width", "height"]) form.elements[name].value = region[name];
  }

  document.querySelectorAll(".crop-open").forEach(button => button.addEventListener("click", () => {
    form.elements.id.value = button.dataset.photo;
    region = null;
    show();
    image.src = button.dataset.src;
    dialog.showModal();
  }));
  image.addEventListener("pointerdown", event => {
    from = point(event);
    image.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  image.addEventListener("pointermove", event => {
    if (!from) return;
    region = toPhoto(from, point(event));
    show();
  });
  const end = () => { from = null; };
  image.addEventListener("pointerup", end);
  image.addEventListener("pointercancel", end);
  document.getElementById("crop-cancel").addEventListener("click", () => dialog.close());
})();
