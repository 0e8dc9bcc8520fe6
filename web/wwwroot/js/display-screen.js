// Shelf display wall screen: today's (or this week's, this month's) figures for the viewer's stores, redrawn when the live
// feed says a shelf changed.
(function () {
  "use strict";
  const root = document.getElementById("display-screen");
  if (!root || !window.echarts) return;
  const data = JSON.parse(document.getElementById("screen-data").textContent);
  const words = JSON.parse(document.getElementById("screen-words").textContent);
  const storeOf = new Map(data.stores.map(s => [s.code, s]));
  const regionName = new Map(data.regions.map(r => [r.code, r.name]));
  const mayOpen = new Set(data.regions.filter(r => r.open).map(r => r.code));
  const chart = id => window.SmartStoreScreen.chart(id), setText = window.SmartStoreScreen.setText;
  const colours = { good: "#2fd17a", fair: "#ffb020", poor: "#ff4d6d", none: "#5b6b8c", own: "#4c8dff", competitor: "#ff8a3d" };
  const percent = v => v === null || v === undefined ? "—" : Math.round(v * 100) + "%";
  const band = c => c === null || c === undefined ? "none" : c >= 0.8 ? "good" : c >= 0.6 ? "fair" : "poor";


  // Today: today's figures. A week or a month: the days with readings — compliance and out-of-stock slots a day on average,
  // the shares over all their facings.
  function tiles(report) {
    const days = data.period ? report.trend.filter(d => d.compliance !== null) : report.trend.slice(-1);
    const mean = pick => days.length === 0 ? null : days.reduce((sum, d) => sum + pick(d), 0) / days.length;
    setText("screen-compliance", percent(mean(d => d.compliance)));
    const own = days.reduce((sum, d) => sum + d.ownFacings, 0), competitor = days.reduce((sum, d) => sum + d.competitorFacings, 0);
    setText("screen-own-share", own + competitor === 0 ? "—" : percent(own / (own + competitor)));
    setText("screen-competitor-share", own + competitor === 0 ? "—" : percent(competitor / (own + competitor)));
    const outOfStock = mean(d => d.outOfStock);
    setText("screen-out-of-stock", outOfStock === null ? "—" : String(Math.round(outOfStock)));
    setText("screen-reporting", `${report.stores.length} / ${data.stores.length}`);
  }

  // A week or a month: compliance day by day (a day without readings left as a gap).
  function trend(report) {
    if (!data.period) return;
    chart("screen-trend").setOption({
      backgroundColor: "transparent",
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis", valueFormatter: v => v === null ? "—" : v + "%" },
      xAxis: { type: "category", data: report.trend.map(d => d.day.slice(5)) },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [{
        name: words.compliance, type: "line", connectNulls: false, symbolSize: 8, lineStyle: { width: 3, color: colours.own },
        data: report.trend.map(d => d.compliance === null ? null : { value: Math.round(d.compliance * 1000) / 10, itemStyle: { color: colours[band(d.compliance)] } }),
        label: { show: report.trend.length <= 10, position: "top", formatter: p => p.value + "%", color: "#c9d6ee" },
      }],
    }, true);
  }

  // The stores on the map of China, each coloured by today's compliance (drawn once the map's outline has loaded).
  let mapReady = false, lastReport = null;
  function map(report) {
    lastReport = report;
    if (!mapReady) return;
    const compliance = new Map(report.stores.map(s => [s.store, s.compliance]));
    // A city is named once, by its first store: three Guangzhou stores would stack three labels on one another.
    const named = new Set();
    const points = data.stores.map(s => {
      const firstOfCity = !named.has(s.city);
      named.add(s.city);
      return {
        value: [s.lng, s.lat], name: `${s.code} ${s.name}`, city: s.city, compliance: compliance.has(s.code) ? compliance.get(s.code) : null,
        itemStyle: { color: colours[band(compliance.has(s.code) ? compliance.get(s.code) : null)] },
        label: { show: firstOfCity },
      };
    });
    chart("screen-map").setOption({
      backgroundColor: "transparent",
      // A region's screen is framed on its stores; the chain's on the whole country.
      geo: data.shown ? { ...window.SmartStoreScreen.geo, ...window.SmartStoreMapFraming(data.stores) } : window.SmartStoreScreen.geo,
      tooltip: { formatter: p => `${p.data.name}<br>${p.data.city} · ${words.compliance} ${percent(p.data.compliance)}` },
      series: [{
        type: "scatter", coordinateSystem: "geo", data: points, symbolSize: 12,
        label: { show: true, position: "right", color: "#c9d6ee", fontSize: 12, formatter: p => p.data.city },
        labelLayout: { hideOverlap: true },
        emphasis: { scale: 1.6 },
      }],
    }, true);
  }

  window.SmartStoreScreen.whenChinaMapLoaded(root, () => {
    mapReady = true;
    if (lastReport) map(lastReport);
  });

  function regions(report) {
    const rows = report.regions;
    root.classList.toggle("one-region", rows.length === 0);
    if (rows.length === 0) return;
    const bars = chart("screen-regions");
    bars.setOption({
      backgroundColor: "transparent",
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis", valueFormatter: v => v + "%" },
      xAxis: {
        type: "category", data: rows.map(r => regionName.get(r.region) || r.region), axisLabel: { interval: 0, width: 90, overflow: "break" },
        triggerEvent: true,
      },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [{
        name: words.compliance, type: "bar", barMaxWidth: 48,
        data: rows.map(r => ({ value: r.compliance === null ? 0 : Math.round(r.compliance * 1000) / 10, itemStyle: { color: colours[band(r.compliance)] } })),
        label: { show: true, position: "top", formatter: p => p.value + "%" },
      }],
    }, true);
    // A region's bar or name opens the region's screen (one the viewer may open).
    bars.off("click");
    bars.on("click", p => {
      const row = p.componentType === "xAxis" ? rows.find(r => (regionName.get(r.region) || r.region) === p.value) : rows[p.dataIndex];
      if (row && mayOpen.has(row.region)) location.href = `?region=${encodeURIComponent(row.region)}${data.period ? `&period=${data.period}` : ""}`;
    });
  }

  function skus(report) {
    const top = report.skus.slice(0, 10).reverse();
    chart("screen-skus").setOption({
      backgroundColor: "transparent",
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1, splitNumber: 3 },
      yAxis: { type: "category", data: top.map(k => k.name || k.sku), axisLabel: { width: 160, overflow: "truncate" } },
      series: [{
        name: words.facings, type: "bar", barMaxWidth: 22,
        data: top.map(k => ({ value: k.facings, itemStyle: { color: k.competitor ? colours.competitor : colours.own } })),
        label: { show: true, position: "right" },
      }],
    }, true);
  }

  function worst(report) {
    const rows = report.stores.filter(s => s.compliance !== null).sort((a, b) => a.compliance - b.compliance).slice(0, 8);
    const body = document.querySelector("#screen-worst tbody");
    body.replaceChildren(...rows.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.store = s.store;
      const store = storeOf.get(s.store);
      tr.innerHTML = `<td><a></a></td><td class="num"></td>`;
      const link = tr.querySelector("a");
      link.href = `/stores/${encodeURIComponent(s.store)}`;
      link.textContent = store ? `${s.store} ${store.name}` : s.store;
      const cell = tr.querySelector("td.num");
      cell.textContent = percent(s.compliance);
      cell.className = `num ${band(s.compliance)}`;
      return tr;
    }));
    if (rows.length === 0) body.innerHTML = `<tr><td class="muted">${words.noData}</td></tr>`;
  }

  function draw(report) {
    tiles(report);
    trend(report);
    map(report);
    regions(report);
    skus(report);
    worst(report);
    root.dataset.drawn = String(Number(root.dataset.drawn || 0) + 1);
  }

  // A patrol photo changes one store's shelf. A chain sends them all the time, so changes are gathered and the
  // report read at most once every few seconds (waiting for a quiet moment would never come).
  let pending = false;
  function refresh() {
    if (pending) return;
    pending = true;
    setTimeout(async () => {
      try {
        const response = await fetch(root.dataset.reportUrl, { headers: { Accept: "application/json" } });
        if (response.ok) draw(await response.json());
      } finally {
        pending = false;
      }
    }, 3000);
  }

  draw(data.report);
  window.SmartStoreScreen.start({ "store-shelf": refresh }, refresh);
})();
