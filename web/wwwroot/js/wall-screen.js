// What the wall screens (大屏) share: dark ECharts charts by element id, the map of China, the clock, the live feed's
// state, resizing with the window, and a reload every half hour (a new day starts new figures; new stores appear).
window.SmartStoreScreen = {
  charts: {},

  chart(id) {
    this.charts[id] = this.charts[id] || echarts.init(document.getElementById(id), "dark", { renderer: "canvas" });
    return this.charts[id];
  },

  setText(id, text) { document.getElementById(id).textContent = text; },

  // The map of China's provinces (ECharts 4.9's GeoJSON, a static asset) as a dark geo component: registered once,
  // then ready() runs and root[data-map] says "drawn". The rest of a screen draws while it loads.
  whenChinaMapLoaded(root, ready) {
    fetch("/lib/china.json").then(r => r.json()).then(geo => {
      echarts.registerMap("china", geo);
      ready();
      root.dataset.map = "drawn";
    }).catch(e => console.error("wall screen: the map of China", e));
  },

  geo: {
    map: "china", roam: true, zoom: 1.15, center: [104, 36],
    itemStyle: { areaColor: "#16223a", borderColor: "#2c3d62" },
    emphasis: { itemStyle: { areaColor: "#1d2d4d" }, label: { show: false } },
  },

  // Starts the clock and the live feed (handlers by topic; onReconnected re-reads what may have been missed).
  start(handlers, onReconnected) {
    const clock = () => { document.getElementById("screen-clock").textContent = new Date().toLocaleTimeString(); };
    clock();
    setInterval(clock, 1000);
    setTimeout(() => location.reload(), 30 * 60 * 1000);
    window.addEventListener("resize", () => Object.values(this.charts).forEach(c => c.resize()));
    const liveState = document.getElementById("live-state");
    const showState = key => { liveState.textContent = liveState.dataset[key]; liveState.classList.toggle("lost", key === "lost"); };
    window.SmartStoreLive.follow(handlers, { showState, onReconnected });
  },
};
