// 收银追溯 overview: the stores' findings per day stacked, and findings per 100 receipts as a line (right axis).
(function () {
  "use strict";
  const chart = document.getElementById("till-trend-chart");
  if (!chart || !window.echarts) return;
  const days = JSON.parse(chart.dataset.days);
  const [noCustomer, cardReused, staffCard, unrung, refunds, voids, perHundred] = JSON.parse(chart.dataset.labels);
  const bar = (name, key, color) => ({ name, type: "bar", stack: "f", data: days.map(d => d[key]), itemStyle: { color } });
  const view = echarts.init(chart);
  view.setOption({
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    // On a phone the legend wraps: leave it room below the axis labels.
    grid: { left: 40, right: 48, top: 16, bottom: chart.clientWidth < 560 ? 84 : 48 },
    xAxis: { type: "category", data: days.map(d => d.day) },
    // The second axis draws no grid of its own: two sets of lines that do not meet read as noise.
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, splitLine: { show: false }, axisLabel: { formatter: "{value}" } }],
    series: [
      bar(noCustomer, "NoCustomer", "#d2372c"),
      bar(cardReused, "CardReused", "#e0833a"),
      bar(staffCard, "StaffCard", "#b5651d"),
      bar(unrung, "Unrung", "#c98a0b"),
      bar(refunds, "RefundFindings", "#8a5cd6"),
      bar(voids, "VoidFindings", "#5b6b8a"),
      { name: perHundred, type: "line", yAxisIndex: 1, data: days.map(d => d.perHundred), itemStyle: { color: "#0f5bd8" } },
    ],
  });
  window.addEventListener("resize", () => view.resize());
})();
