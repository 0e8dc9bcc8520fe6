// Display report: compliance per day as a line (right axis, %), own and competitor facings as bars.
(function () {
  "use strict";
  const chart = document.getElementById("display-chart");
  if (!chart || !window.echarts) return;
  const days = JSON.parse(chart.dataset.days);
  const [compliance, own, competitor, sku] = JSON.parse(chart.dataset.labels);
  const series = [
    { name: own, type: "bar", stack: "f", data: days.map(d => d.own), itemStyle: { color: "#2f6fde" } },
    { name: competitor, type: "bar", stack: "f", data: days.map(d => d.competitor), itemStyle: { color: "#e0833a" } },
    { name: compliance, type: "line", yAxisIndex: 1, data: days.map(d => d.compliance === null ? null : Math.round(d.compliance * 1000) / 10), itemStyle: { color: "#1f9d6b" } },
  ];
  if (sku) series.push({ name: sku, type: "line", data: days.map(d => d.sku), itemStyle: { color: "#8a5cd6" } });
  const view = echarts.init(chart);
  view.setOption({
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    // On a phone the legend wraps to two lines: leave it room below the axis labels.
    grid: { left: 48, right: 48, top: 16, bottom: chart.clientWidth < 560 ? 72 : 48 },
    xAxis: { type: "category", data: days.map(d => d.day) },
    // The second axis draws no grid of its own: two sets of lines that do not meet read as noise.
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: "{value}%" } }],
    series,
  });
  window.addEventListener("resize", () => view.resize());
})();
