// 门店分析: the day's entries against the forecast, the weekday and weekend profile, the monthly entry rate (ECharts).
(function () {
  "use strict";
  if (!window.echarts) return;
  const label = h => String(h).padStart(2, "0") + ":00";
  const data = (el, key) => JSON.parse(el.dataset[key] || "null");
  // Only the hours anything happened in, an hour either side: a store's night is not worth half the chart.
  function span(...series) {
    const busy = Array.from({ length: 24 }, (_, h) => series.some(s => s && s[h] > 0));
    const first = Math.max(0, busy.indexOf(true) - 1), last = Math.min(23, busy.lastIndexOf(true) + 1);
    return busy.includes(true) ? [first, last] : [0, 23];
  }
  const cut = ([first, last], values) => values && values.slice(first, last + 1);
  const axis = ([first, last]) => ({ type: "category", data: Array.from({ length: last - first + 1 }, (_, i) => label(first + i)) });
  // On a phone the legend wraps to two lines: leave it room below the hours.
  const base = el => ({ tooltip: { trigger: "axis" }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 16, bottom: el.clientWidth < 560 ? 72 : 48 } });

  const forecast = document.getElementById("forecast-chart");
  if (forecast) {
    const [actual, expected, usual] = data(forecast, "labels");
    const now = forecast.dataset.now === "" ? 23 : Number(forecast.dataset.now);
    const entries = data(forecast, "entries").map((v, h) => (h <= now ? v : null));
    const plan = data(forecast, "forecast"), low = data(forecast, "low"), high = data(forecast, "high");
    const hours = span(entries, plan, high);
    const series = [{ name: actual, type: "bar", data: cut(hours, entries), itemStyle: { color: "#2f6fde" } }];
    if (plan) series.push({ name: expected, type: "line", data: cut(hours, plan), itemStyle: { color: "#e0833a" }, lineStyle: { type: "dashed" } });
    // The usual range as a band: its floor drawn invisibly, its width stacked on it and shaded (both under one legend name).
    const band = (values, area) => ({ name: usual, type: "line", stack: "usual", data: cut(hours, values), symbol: "none",
      lineStyle: { opacity: 0 }, itemStyle: { color: "rgba(224,131,58,0.35)" }, legendIcon: "rect", areaStyle: area ? { color: "rgba(224,131,58,0.18)" } : { opacity: 0 } });
    if (low && high) series.push(band(low, false), band(high.map((v, h) => v - low[h]), true));
    // The tooltip says the band as fewest–most, not the stacked width.
    const tooltip = { trigger: "axis", formatter: ps => {
      const h = hours[0] + ps[0].dataIndex;
      const lines = ps.filter(p => p.seriesName !== usual).map(p => `${p.marker}${p.seriesName} ${p.value ?? "—"}`);
      if (low && high) lines.push(`${usual} ${low[h]}–${high[h]}`);
      return [label(h), ...lines].join("<br>");
    } };
    echarts.init(forecast).setOption({ ...base(forecast), tooltip, xAxis: axis(hours), yAxis: { type: "value", minInterval: 1 }, series });
  }

  const profile = document.getElementById("profile-chart");
  if (profile) {
    const [weekdays, weekends] = data(profile, "labels");
    const weekday = data(profile, "weekday"), weekend = data(profile, "weekend");
    const hours = span(weekday, weekend);
    const series = [[weekdays, weekday, "#2f6fde"], [weekends, weekend, "#14915f"]]
      .filter(([, values]) => values).map(([name, values, color]) => ({ name, type: "line", smooth: true, data: cut(hours, values), itemStyle: { color } }));
    echarts.init(profile).setOption({ ...base(profile), xAxis: axis(hours), yAxis: { type: "value" }, series });
  }

  const trend = document.getElementById("trend-chart");
  if (trend) {
    const months = data(trend, "months");
    echarts.init(trend).setOption({
      tooltip: { trigger: "axis", valueFormatter: v => (v === null ? "—" : (v * 100).toFixed(2) + "%") },
      grid: { left: 48, right: 16, top: 12, bottom: 24 },
      xAxis: { type: "category", data: months.map(m => m.month) },
      yAxis: { type: "value", axisLabel: { formatter: v => (v * 100).toFixed(0) + "%" } },
      series: [{ name: trend.dataset.label, type: "line", data: months.map(m => m.rate), itemStyle: { color: "#2f6fde" }, areaStyle: { opacity: 0.12 } }],
    });
  }
})();
