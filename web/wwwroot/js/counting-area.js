// Camera page: draw an in-store camera's counting area on the newest analysed frame — a click per corner, in order
// around it. While drawing, the people found in that frame show whether the new area would count them.
(function () {
  "use strict";
  const svg = document.getElementById("counting-area-svg");
  const form = document.getElementById("counting-area-form");
  if (!svg || !form || svg.dataset.editable !== "true") return;
  const width = Number(svg.dataset.width), height = Number(svg.dataset.height);
  const draft = document.getElementById("counting-area-draft");
  const save = document.getElementById("counting-area-save");
  const count = document.getElementById("area-count");
  const people = Array.from(svg.querySelectorAll("g.person"));
  const savedOutside = people.map(p => p.classList.contains("outside"));
  let corners = [];
  const add = (tag, attributes) => ImageDrawing.add(draft, tag, attributes);

  // The same rule as the camera grain (CountingArea.Holds): the foot point, kept a hair inside the frame, even-odd.
  function inside(x, y) {
    x = Math.min(Math.max(x, 0.0005), 0.9995);
    y = Math.min(Math.max(y, 0.0005), 0.9995);
    let hit = false;
    for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
      const a = { x: corners[i].x / width, y: corners[i].y / height }, b = { x: corners[j].x / width, y: corners[j].y / height };
      if ((a.y > y) !== (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) hit = !hit;
    }
    return hit;
  }

  function preview() {
    const drafting = corners.length >= 3;
    let counted = 0;
    people.forEach((p, i) => {
      const outside = drafting ? !inside(Number(p.dataset.footX), Number(p.dataset.footY)) : savedOutside[i];
      p.classList.toggle("outside", outside);
      if (!outside) counted++;
    });
    if (!count) return;
    const text = count.firstChild;
    text.textContent = drafting
      ? count.dataset.draft.replace("{0}", counted).replace("{1}", people.length) + " "
      : count.dataset.saved + " ";
  }

  function render() {
    draft.replaceChildren();
    const r = Math.max(width, height) / 120;
    const list = corners.map(p => `${p.x},${p.y}`).join(" ");
    if (corners.length >= 2) add(corners.length >= 3 ? "polygon" : "polyline", { points: list });
    corners.forEach((p, i) => add("circle", { cx: p.x, cy: p.y, r, class: i === 0 ? "first" : "" }));
    save.disabled = corners.length < 3;
    form.elements.points.value = corners.map(p => `${(p.x / width).toFixed(4)},${(p.y / height).toFixed(4)}`).join(" ");
    preview();
  }

  // A click near the frame's border puts the corner on it: areas usually run to the edge of the view.
  function snap(v, size) {
    const near = size * 0.02;
    return v < near ? 0 : v > size - near ? size : v;
  }

  svg.addEventListener("click", event => {
    const at = ImageDrawing.pointAt(svg, event);
    corners.push({ x: snap(at.x, width), y: snap(at.y, height) });
    render();
  });
  document.getElementById("counting-area-redraw").addEventListener("click", () => { corners = []; render(); });
  svg.classList.add("drawing");
})();
