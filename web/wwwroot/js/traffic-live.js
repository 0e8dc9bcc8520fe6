// Store page: today's foot-traffic tiles follow the store grain live, its open to-dos are read again when one is raised or
// done; the hourly chart is drawn with ECharts.
(function () {
  "use strict";
  const tiles = document.getElementById("traffic-today");
  const state = document.getElementById("live-state");
  const setState = key => { if (state) { state.textContent = state.dataset[key]; state.dataset.state = key; } };

  function show(today) {
    const format = {
      entryRate: v => v === null || v === undefined ? "—" : Math.round(v * 100) + "%",
      averageDwell: () => today.dwellCount ? tiles.dataset.minutes.replace("{0}", (today.dwellSecondsTotal / today.dwellCount / 60).toFixed(1)) : "—",
    };
    tiles.querySelectorAll("[data-field]").forEach(el => {
      const field = el.dataset.field;
      el.textContent = format[field] ? format[field](today[field]) : String(today[field] ?? 0);
    });
  }

  if (tiles && window.SmartStoreLive) {
    const store = tiles.dataset.store;
    // The to-do list is the server's (wording, who raised it, when): fetched again when one is raised or done.
    const todosChanged = window.SmartStoreLive.rereader(["store-todos-slot"]);
    window.SmartStoreLive.follow({
      "store-traffic": update => { if (update.storeCode === store && update.traffic) show(update.traffic); },
      "store-todos": update => { if (update.storeCode === store) todosChanged(); },
    }, { showState: setState });
  }

  const chart = document.getElementById("hourly-chart");
  if (chart && window.echarts) {
    const hours = JSON.parse(chart.dataset.hours);
    const [entries, passers, occupancy, offHours] = JSON.parse(chart.dataset.labels);
    // People let in while the store was closed by its hours, on top of the entries in grey: an hour that shows none is
    // not a door camera that stopped counting.
    const closedHours = hours.some(h => h.offHours > 0)
      ? [{ name: offHours, type: "bar", stack: "in", data: hours.map(h => h.offHours), itemStyle: { color: "#b8bfca" } }] : [];
    echarts.init(chart).setOption({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      // On a phone the four legend entries wrap to two lines: leave them room below the hours.
      grid: { left: 40, right: 16, top: 16, bottom: chart.clientWidth < 560 ? 72 : 48 },
      xAxis: { type: "category", data: hours.map(h => String(h.hour).padStart(2, "0") + ":00") },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: entries, type: "bar", stack: "in", data: hours.map(h => h.entries), itemStyle: { color: "#2f6fde" } },
        ...closedHours,
        { name: passers, type: "bar", data: hours.map(h => h.passersBy), itemStyle: { color: "#9bb7e8" } },
        { name: occupancy, type: "line", data: hours.map(h => h.occupancy), itemStyle: { color: "#e0833a" } },
      ],
    });
  }
})();
