// Camera page: draw an in-store camera's counting area on the latest image — a click per corner, in order around it.
(function () {
  "use strict";
  const svg = document.getElementById("counting-area-svg");
  const form = document.getElementById("counting-area-form");
  if (!svg || !form || svg.dataset.editable !== "true") return;
  const width = Number(svg.dataset.width), height = Number(svg.dataset.height);
  const draft = document.getElementById("counting-area-draft");
  const save = document.getElementById("counting-area-save");
  const ns = "http://www.w3.org/2000/svg";
  let corners = [];

  function add(tag, attributes) {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    draft.appendChild(el);
  }

  function render() {
    draft.replaceChildren();
    const r = Math.max(width, height) / 120;
    const list = corners.map(p => `${p.x},${p.y}`).join(" ");
    if (corners.length >= 2) add(corners.length >= 3 ? "polygon" : "polyline", { points: list });
    corners.forEach((p, i) => add("circle", { cx: p.x, cy: p.y, r, class: i === 0 ? "first" : "" }));
    save.disabled = corners.length < 3;
    form.elements.points.value = corners.map(p => `${(p.x / width).toFixed(4)},${(p.y / height).toFixed(4)}`).join(" ");
  }

  // A click near the frame's border puts the corner on it: areas usually run to the edge of the view.
  function snap(v, size) {
    const near = size * 0.02;
    return v < near ? 0 : v > size - near ? size : v;
  }

  svg.addEventListener("click", event => {
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    corners.push({ x: snap(at.x, width), y: snap(at.y, height) });
    render();
  });
  document.getElementById("counting-area-redraw").addEventListener("click", () => { corners = []; render(); });
  svg.classList.add("drawing");
})();
