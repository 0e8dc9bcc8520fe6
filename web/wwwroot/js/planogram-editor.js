// Preset page: adjust a planogram's slots on its reference image — move, resize, add, delete, rename, re-plan —
// then save them all at once (the page's "slots" handler checks them as the API does).
(function () {
  "use strict";
  const svg = document.getElementById("planogram-figure");
  const form = document.getElementById("slot-editor");
  if (!svg || !form || svg.dataset.editable !== "true") return;
  const width = Number(svg.dataset.width), height = Number(svg.dataset.height);
  const prefix = svg.dataset.prefix || "";
  const ns = "http://www.w3.org/2000/svg";
  const minSize = 8;
  const field = id => document.getElementById(id);
  const idInput = field("slot-id"), skuInput = field("slot-sku"), deleteButton = field("slot-delete");
  const addButton = field("slot-add"), dirtyMark = field("slot-dirty"), noneHint = field("slot-none");
  let slots = JSON.parse(svg.dataset.slots);
  let selected = -1, shown = -2, drag = null, adding = false, dirty = false, saving = false;

  // The server drew the slots for viewers; the editor draws its own, with a resize handle on the selected one.
  svg.querySelectorAll("g.slot").forEach(g => g.remove());
  const layer = document.createElementNS(ns, "g");
  svg.appendChild(layer);
  svg.classList.add("editing");

  function element(tag, attributes, parent) {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    parent.appendChild(el);
    return el;
  }

  function render() {
    layer.replaceChildren();
    const handle = Math.max(width, height) / 60;
    // The selected slot is drawn last, on top, so its resize handle is never under a neighbour.
    const order = slots.map((_, i) => i).filter(i => i !== selected);
    if (slots[selected]) order.push(selected);
    order.forEach(i => {
      const s = slots[i];
      const g = element("g", { class: "slot" + (i === selected ? " selected" : ""), "data-slot": s.slotId, "data-index": i }, layer);
      element("rect", { x: s.x, y: s.y, width: s.width, height: s.height }, g);
      element("text", { x: s.x + 6, y: s.y + 22 }, g).textContent = s.slotId;
      element("text", { class: "planned", x: s.x + 6, y: s.y + s.height - 8 }, g).textContent = s.plannedSku || "";
      if (i === selected)
        element("rect", { class: "handle", x: s.x + s.width - handle, y: s.y + s.height - handle, width: handle, height: handle, "data-index": i }, g);
    });
    const slot = slots[selected];
    idInput.disabled = skuInput.disabled = deleteButton.disabled = !slot;
    noneHint.hidden = !!slot;
    // The fields follow the selection; while it stays, the one being typed in is left as the user has it.
    if (shown !== selected || document.activeElement !== idInput) idInput.value = slot ? slot.slotId : "";
    if (shown !== selected || document.activeElement !== skuInput) skuInput.value = slot ? slot.plannedSku || "" : "";
    shown = selected;
    dirtyMark.hidden = !dirty;
    svg.classList.toggle("drawing", adding);
  }

  function changed() { dirty = true; render(); }

  function at(event) {
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    return { x: Math.min(Math.max(p.x, 0), width), y: Math.min(Math.max(p.y, 0), height) };
  }

  // Keeps a slot whole and on the image, whatever the pointer did.
  function clamp(s) {
    s.width = Math.round(Math.min(Math.max(s.width, minSize), width));
    s.height = Math.round(Math.min(Math.max(s.height, minSize), height));
    s.x = Math.round(Math.min(Math.max(s.x, 0), width - s.width));
    s.y = Math.round(Math.min(Math.max(s.y, 0), height - s.height));
  }

  function freeId() {
    const taken = new Set(slots.map(s => s.slotId));
    let n = slots.length + 1;
    while (taken.has(prefix + "S" + n)) n++;
    return prefix + "S" + n;
  }

  svg.addEventListener("pointerdown", event => {
    // preventDefault below keeps focus where it was: leave the fields, so keys and typing follow the new selection.
    if (document.activeElement === idInput || document.activeElement === skuInput) document.activeElement.blur();
    const p = at(event);
    const target = event.target.closest("[data-index]");
    if (adding) {
      slots.push({ slotId: freeId(), plannedSku: null, x: p.x, y: p.y, width: minSize, height: minSize });
      selected = slots.length - 1;
      clamp(slots[selected]); // a click without a drag still leaves a whole slot, in whole pixels, on the image
      dirty = true;
      drag = { mode: "draw", from: p };
      adding = false;
    } else if (target) {
      selected = Number(target.dataset.index);
      const s = slots[selected];
      drag = event.target.classList.contains("handle")
        ? { mode: "resize", from: p, start: { ...s } }
        : { mode: "move", from: p, start: { ...s } };
    } else {
      selected = -1;
    }
    if (drag) svg.setPointerCapture(event.pointerId);
    render();
    event.preventDefault();
  });

  svg.addEventListener("pointermove", event => {
    if (!drag) return;
    const p = at(event), s = slots[selected];
    if (drag.mode === "move") {
      s.x = drag.start.x + p.x - drag.from.x;
      s.y = drag.start.y + p.y - drag.from.y;
    } else if (drag.mode === "resize") {
      s.width = drag.start.width + p.x - drag.from.x;
      s.height = drag.start.height + p.y - drag.from.y;
    } else {
      s.x = Math.min(p.x, drag.from.x);
      s.y = Math.min(p.y, drag.from.y);
      s.width = Math.abs(p.x - drag.from.x);
      s.height = Math.abs(p.y - drag.from.y);
    }
    clamp(s);
    changed();
  });

  const endDrag = () => { drag = null; };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);

  // Arrow keys nudge the selected slot by a pixel (10 with Shift); Delete removes it.
  document.addEventListener("keydown", event => {
    const s = slots[selected];
    if (!s || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const step = event.shiftKey ? 10 : 1;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      s.x += moves[event.key][0];
      s.y += moves[event.key][1];
      clamp(s);
      changed();
      event.preventDefault();
    } else if (event.key === "Delete") {
      deleteButton.click();
      event.preventDefault();
    }
  });

  idInput.addEventListener("input", () => { slots[selected].slotId = idInput.value.trim(); changed(); });
  skuInput.addEventListener("input", () => { slots[selected].plannedSku = skuInput.value.trim() || null; changed(); });
  deleteButton.addEventListener("click", () => {
    if (selected < 0) return;
    slots.splice(selected, 1);
    selected = -1;
    changed();
  });
  addButton.addEventListener("click", () => { adding = true; selected = -1; render(); });

  form.addEventListener("submit", () => {
    saving = true;
    form.elements.slotsJson.value = JSON.stringify(slots);
  });
  window.addEventListener("beforeunload", event => { if (dirty && !saving) event.preventDefault(); });
  render();
})();
