// Centre a map of China on some stores and zoom to their spread: a region's few cities, not the whole country.
// Shared by the phone's store map and the wall screens' region view.
window.SmartStoreMapFraming = function (stores) {
  "use strict";
  const lngs = stores.map(s => s.lng), lats = stores.map(s => s.lat);
  if (lngs.length === 0) return { center: [104, 36], zoom: 1.1 };
  const spread = Math.max(Math.max(...lngs) - Math.min(...lngs), (Math.max(...lats) - Math.min(...lats)) * 1.3, 2);
  return {
    center: [(Math.max(...lngs) + Math.min(...lngs)) / 2, (Math.max(...lats) + Math.min(...lats)) / 2],
    zoom: Math.min(12, Math.max(1.1, 45 / spread)),
  };
};
