// What the camera page's drawing tools share (door line, counting area): SVG shapes in a draft group, and a click as
// a point in the image's pixels.
window.ImageDrawing = {
  add(group, tag, attributes) {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    group.appendChild(el);
  },
  pointAt(svg, event) {
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  },
};
