// Frame a map of China on some stores: a region's few cities, not the whole country. The stores' bounding box, with a
// margin, is what the map fits into its box (ECharts' boundingCoords keeps the map's aspect), so a wide, short box — the
// phone page on a desk screen — shows every store instead of cropping the north and south of a zoom picked for a square.
// Shared by the phone's store map and the wall screens' region view.
window.SmartStoreMapFraming = function (stores) {
  "use strict";
  const lngs = stores.map(s => s.lng), lats = stores.map(s => s.lat);
  if (lngs.length === 0) return { center: [104, 36], zoom: 1.1 };
  const west = Math.min(...lngs), east = Math.max(...lngs), south = Math.min(...lats), north = Math.max(...lats);
  // One city's stores are shown with about two degrees around them; a fifth more on each side keeps dots off the edge.
  const halfWidth = Math.max(east - west, 2) * 0.6, halfHeight = Math.max(north - south, 1.5) * 0.6;
  const lng = (east + west) / 2, lat = (north + south) / 2;
  return { boundingCoords: [[lng - halfWidth, lat + halfHeight], [lng + halfWidth, lat - halfHeight]], center: null, zoom: 1 };
};
