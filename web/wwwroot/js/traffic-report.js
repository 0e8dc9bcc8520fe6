// Traffic report: one chart of the report rows (entries and passers-by as bars, unique visitors as a line).
(function () {
  "use strict";
  const chart = document.getElementById("report-chart");
  if (!chart || !window.echarts) return;
  const rows = JSON.parse(chart.dataset.rows);
  const [entries, passers, unique] = JSON.parse(chart.dataset.labels);
  const view = echarts.init(chart);
  view.setOption({
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    // On a phone the legend wraps to two lines: leave it room below the axis labels.
    grid: { left: 48, right: 16, top: 16, bottom: chart.clientWidth < 560 ? 72 : 48 },
    xAxis: { type: "category", data: rows.map(r => r.period) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: entries, type: "bar", data: rows.map(r => r.entries), itemStyle: { color: "#2f6fde" } },
      { name: passers, type: "bar", data: rows.map(r => r.passersBy), itemStyle: { color: "#9bb7e8" } },
      { name: unique, type: "line", data: rows.map(r => r.unique), itemStyle: { color: "#1f9d6b" } },
    ],
  });
  window.addEventListener("resize", () => view.resize());
})();
