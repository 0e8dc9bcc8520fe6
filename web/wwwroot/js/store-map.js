// 门店地图 on the phone (/m): opened on demand, so ECharts (1 MB) and the map of China load only for whoever looks.
// The stores come from the page's map handler (the viewer's scope); each dot is coloured by what the store needs and
// sized by today's entries, kept so live; tapping one opens the store.
(() => {
  const box = document.getElementById("store-map");
  if (!box) return;
  const words = JSON.parse(box.dataset.words);
  const colours = { attention: "#d64545", closed: "#e8913a", fine: "#2f9e6e" };

  const script = src => new Promise((resolve, reject) => {
    if (window.echarts) return resolve();
    const tag = Object.assign(document.createElement("script"), { src, onload: resolve, onerror: reject });
    document.head.appendChild(tag);
  });

  const json = r => { if (!r.ok) throw new Error(`${r.url}: ${r.status}`); return r.json(); };
  const readStores = () => fetch(box.dataset.src, { headers: { Accept: "application/json" } }).then(json);

  // One series a state, each dot sized by today's entries against the busiest store's; the stores not fine are named on
  // the box (data-attention) for whoever checks what the map shows.
  function series(stores) {
    const most = Math.max(1, ...stores.map(s => s.entries));
    box.dataset.attention = stores.filter(s => s.state !== "fine").map(s => s.code).join(" ");
    return ["fine", "closed", "attention"].map(state => ({
      name: words[state], type: "scatter", coordinateSystem: "geo", zlevel: state === "fine" ? 0 : 1,
      itemStyle: { color: colours[state], borderColor: "#fff", borderWidth: 1 },
      symbolSize: s => 8 + 12 * Math.sqrt(s[2] / most),
      data: stores.filter(s => s.state === state).map(s => ({ value: [s.lng, s.lat, s.entries], name: s.name, code: s.code, entries: s.entries })),
    }));
  }

  async function draw() {
    const [stores, geo] = await Promise.all([
      readStores(),
      script("/lib/echarts.min.js").then(() => fetch("/lib/china.json")).then(json),
    ]);
    echarts.registerMap("china", geo);
    const chart = echarts.init(document.getElementById("mobile-map"));
    chart.setOption({
      tooltip: { trigger: "item", formatter: p => `${echarts.format.encodeHTML(p.data.name)}<br>${words.entries} ${p.data.entries}` },
      // The map keeps above the legend, which would otherwise sit on the southern stores.
      geo: { map: "china", roam: true, top: 8, bottom: 36, ...window.SmartStoreMapFraming(stores), itemStyle: { areaColor: "#eef2f8", borderColor: "#c5cfdf" }, emphasis: { disabled: true } },
      series: series(stores),
      legend: { bottom: 0, data: ["attention", "closed", "fine"].map(k => words[k]) },
    });
    chart.on("click", p => { if (p.data?.code) location.href = `/stores/${encodeURIComponent(p.data.code)}`; });
    window.addEventListener("resize", () => chart.resize());
    box.dataset.map = "drawn";
    return chart;
  }

  let chart = null;

  // Live: the page says when a store's counts, closure or cameras changed (mobile.js); once drawn, the dots are read again
  // at most every 5 s, the framing kept (the stores have not moved; the reader may have zoomed).
  let rereading = null;
  document.addEventListener("smartstore:store-changed", () => {
    if (!chart || rereading) return;
    rereading = setTimeout(async () => {
      try {
        chart.setOption({ series: series(await readStores()) });
      } catch (e) {
        console.error("store map", e);
      } finally {
        rereading = null;
      }
    }, 5000);
  });
  box.addEventListener("toggle", () => {
    if (!box.open) return;
    // Drawn already: sized again (the window may have turned while it was shut). Failed: tried again on the next opening.
    if (chart) { chart.resize(); return; }
    if (box.dataset.map === "loading") return;
    box.dataset.map = "loading";
    draw().then(c => { chart = c; }).catch(e => { box.dataset.map = "failed"; console.error("store map", e); });
  });
})();
