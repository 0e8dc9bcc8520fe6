// Foot-traffic wall screen (客流大屏): today's figures of the viewer's stores, each store's counters following the live
// feed; the time-of-day chart re-read every minute (the feed carries counters, not hours). This week or this month
// (data.period): the period's figures so far, day by day against the period before; the live feed's today is not theirs.
(function () {
  "use strict";
  const root = document.getElementById("traffic-screen");
  if (!root || !window.echarts) return;
  const data = JSON.parse(document.getElementById("screen-data").textContent);
  const words = JSON.parse(document.getElementById("screen-words").textContent);
  const stores = new Map(data.stores.map(s => [s.code, s]));
  const regionName = new Map(data.regions.map(r => [r.code, r.name]));
  const chart = id => window.SmartStoreScreen.chart(id), setText = window.SmartStoreScreen.setText;
  const colours = { entries: "#4c8dff", passers: "#5b6b8c", lastWeek: "#ffb020", closed: "#ff4d6d", quiet: "#5b6b8c", busy: "#2fd17a" };
  const number = n => n.toLocaleString();
  const rate = (entries, passers) => entries + passers === 0 ? "—" : Math.round(100 * entries / (entries + passers)) + "%";
  let mapReady = false;


  const all = () => [...stores.values()];
  const sum = field => all().reduce((total, s) => total + (s.traffic[field] || 0), 0);

  function tiles() {
    const entries = sum("entries"), passers = sum("passersBy");
    setText("screen-entries", number(entries));
    setText("screen-passers", number(passers));
    setText("screen-entry-rate", rate(entries, passers));
    setText("screen-occupancy", number(sum("occupancy")));
    setText("screen-counting", `${all().filter(s => s.traffic.entries > 0).length} / ${stores.size}`);
    setText("screen-closed", String(all().filter(s => s.closed).length));
  }

  // Each store where it is, its dot's area growing with today's entries; a store that looks closed is red.
  function map() {
    if (!mapReady) return;
    const most = Math.max(1, ...all().map(s => s.traffic.entries));
    chart("screen-map").setOption({
      backgroundColor: "transparent",
      // A region's screen is framed on its stores; the chain's on the whole country.
      geo: data.shown ? { ...window.SmartStoreScreen.geo, ...window.SmartStoreMapFraming(all()) } : window.SmartStoreScreen.geo,
      tooltip: { formatter: p => `${p.data.name}<br>${p.data.city} · ${words.entries} ${number(p.data.entries)} · ${words.entryRate} ${p.data.rate}` },
      series: [{
        type: "scatter", coordinateSystem: "geo",
        data: all().map(s => ({
          code: s.code, name: `${s.code} ${s.name}`, city: s.city, value: [s.lng, s.lat, s.traffic.entries], entries: s.traffic.entries,
          rate: rate(s.traffic.entries, s.traffic.passersBy),
          symbolSize: 5 + 22 * Math.sqrt(s.traffic.entries / most),
          itemStyle: { color: s.closed ? colours.closed : s.traffic.entries > 0 ? colours.busy : colours.quiet, opacity: 0.85 },
        })),
        emphasis: { scale: 1.5 },
      }],
    }, true);
  }

  // The chain's screen: a bar a region, a tap opening the region's screen (one the viewer may open). A region's
  // screen: a bar a city.
  function regions() {
    const groups = data.shown
      ? [...new Set(all().map(s => s.city))].map(city => ({ name: city, own: all().filter(s => s.city === city) }))
      : data.regions.map(r => ({ code: r.open ? r.code : null, name: r.name, own: all().filter(s => s.region === r.code) }));
    const rows = groups.map(g => ({
      code: g.code, name: g.name, entries: g.own.reduce((t, s) => t + s.traffic.entries, 0), passers: g.own.reduce((t, s) => t + s.traffic.passersBy, 0),
    })).sort((a, b) => a.entries - b.entries);
    const bars = chart("screen-regions");
    bars.setOption({
      backgroundColor: "transparent",
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: "#9fb3d9" } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: rows.map(r => r.name), triggerEvent: !data.shown },
      series: [
        { name: words.entries, type: "bar", data: rows.map(r => r.entries), itemStyle: { color: colours.entries }, label: { show: true, position: "right" } },
        { name: words.passersBy, type: "bar", data: rows.map(r => r.passers), itemStyle: { color: colours.passers } },
      ],
    }, true);
    if (data.shown) return;
    const period = data.period ? `&period=${data.period}` : "";
    const open = index => { const code = rows[index]?.code; if (code) location.href = `?region=${encodeURIComponent(code)}${period}`; };
    bars.off("click");
    bars.on("click", p => open(p.componentType === "yAxis" ? rows.findIndex(r => r.name === p.value) : p.dataIndex));
  }

  // This week or month: a bar a day so far, the period before as a line, day n against day n.
  function days() {
    chart("screen-hours").setOption({
      backgroundColor: "transparent",
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: "#9fb3d9" } },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.days.map(d => d.day) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: words.thisPeriod, type: "bar", data: data.days.map(d => d.now), itemStyle: { color: colours.entries } },
        { name: words.periodBefore, type: "line", data: data.days.map(d => d.before), itemStyle: { color: colours.lastWeek }, smooth: true },
      ],
    }, true);
  }

  function hours(rows) {
    chart("screen-hours").setOption({
      backgroundColor: "transparent",
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: "#9fb3d9" } },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: rows.map(h => String(h.hour).padStart(2, "0")) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: words.today, type: "bar", data: rows.map(h => h.today), itemStyle: { color: colours.entries } },
        { name: words.lastWeek, type: "line", data: rows.map(h => h.lastWeek), itemStyle: { color: colours.lastWeek }, symbol: "none", smooth: true },
      ],
    }, true);
  }

  function top() {
    const rows = all().filter(s => s.traffic.entries > 0).sort((a, b) => b.traffic.entries - a.traffic.entries).slice(0, 10);
    const body = document.querySelector("#screen-top tbody");
    body.replaceChildren(...rows.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.store = s.code;
      tr.innerHTML = `<td><a></a><small></small></td><td class="num entries"></td><td class="num"></td>`;
      const link = tr.querySelector("a");
      link.href = `/stores/${encodeURIComponent(s.code)}`;
      link.textContent = `${s.code} ${s.name}`;
      tr.querySelector("small").textContent = ` ${data.shown ? s.city : regionName.get(s.region) || s.region}`;
      tr.querySelector("td.entries").textContent = number(s.traffic.entries);
      tr.querySelector("td.num:last-child").textContent = rate(s.traffic.entries, s.traffic.passersBy);
      return tr;
    }));
    if (rows.length === 0) body.innerHTML = `<tr><td class="muted">${words.noTraffic}</td></tr>`;
  }

  function draw() {
    tiles();
    map();
    regions();
    top();
    root.dataset.drawn = String(Number(root.dataset.drawn || 0) + 1);
  }

  // A chain's stores count all day: their counters are kept here as they come and drawn at most once a second.
  let pending = false;
  function trafficChanged(update) {
    const store = stores.get(update.storeCode || "");
    if (!store || !update.traffic) return;
    store.traffic = update.traffic;
    store.closed = Boolean(update.looksClosed);
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; draw(); }, 1000);
  }

  async function rereadHours() {
    const response = await fetch(root.dataset.hoursUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const today = new Map((await response.json()).rows.map(r => [new Date(r.period).getHours(), r.entries]));
    data.hours = data.hours.map(h => ({ ...h, today: today.get(h.hour) || 0 }));
    hours(data.hours);
  }

  draw();
  if (data.period) days();
  else hours(data.hours);
  window.SmartStoreScreen.whenChinaMapLoaded(root, () => {
    mapReady = true;
    map();
    // A store's dot opens its page (on a touch wall or from the desk).
    chart("screen-map").on("click", p => { if (p.data?.code) location.href = `/stores/${encodeURIComponent(p.data.code)}`; });
  });
  if (data.period) {
    // The page reloads itself every half hour (wall-screen.js): a week's figures move slowly.
    window.SmartStoreScreen.start({}, () => {});
    return;
  }
  setInterval(() => rereadHours().catch(e => console.error("traffic screen hours:", e)), 60 * 1000);
  // How many stores are open, read again from the server when the next one opens or closes.
  window.SmartStoreLive.followHours("screen-open-now", ["screen-open-now"]);
  window.SmartStoreScreen.start({ "store-traffic": trafficChanged }, () => rereadHours());
})();
