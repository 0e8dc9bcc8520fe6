// Camera page: draw the door line on the latest image — two clicks for its ends, a third on the store's side.
(function () {
  "use strict";
  const svg = document.getElementById("door-line-svg");
  const form = document.getElementById("door-line-form");
  if (!svg || !form || svg.dataset.editable !== "true") return;
  const width = Number(svg.dataset.width), height = Number(svg.dataset.height);
  const draft = document.getElementById("door-line-draft");
  const save = document.getElementById("door-line-save");
  let points = [];
  const add = (tag, attributes) => ImageDrawing.add(draft, tag, attributes);

  function render() {
    draft.replaceChildren();
    const r = Math.max(width, height) / 120;
    if (points.length >= 2) add("line", { x1: points[0].x, y1: points[0].y, x2: points[1].x, y2: points[1].y, class: "draft-line" });
    points.forEach((p, i) => add("circle", { cx: p.x, cy: p.y, r, class: i === 2 ? "draft-inside" : "draft-end" }));
    const ready = points.length === 3;
    save.disabled = !ready;
    if (!ready) return;
    const names = ["ax", "ay", "bx", "by", "insideX", "insideY"];
    const values = [points[0].x / width, points[0].y / height, points[1].x / width, points[1].y / height, points[2].x / width, points[2].y / height];
    names.forEach((n, i) => { form.elements[n].value = values[i].toFixed(4); });
  }

  svg.addEventListener("click", event => {
    if (points.length === 3) return;
    const at = ImageDrawing.pointAt(svg, event);
    points.push({ x: Math.min(Math.max(at.x, 0), width), y: Math.min(Math.max(at.y, 0), height) });
    render();
  });
  document.getElementById("door-line-redraw").addEventListener("click", () => { points = []; render(); });
  svg.classList.add("drawing");
})();
