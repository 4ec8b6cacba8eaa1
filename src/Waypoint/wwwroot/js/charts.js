// Draws the charts whose data a page carries in <script type="application/json"> blocks (which browsers never
// run), and the dashboard's small trend lines. Only an enhancement: without it, each chart's table is its content
// and each trend line's words stay.
import "/lib/chart.umd.min.js";

const { Chart } = globalThis;

const DAY = 86400000;
const dateWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthWords = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const numberWords = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

// Colours from the GOV.UK palette; each kind of line also differs in dash or mark, not in colour alone.
const BLUE = "#1d70b8";
const DARK_GREY = "#505a5f";
const MID_GREY = "#b1b4b6";
const GREEN = "#00703c";
const ORANGE = "#f47738";

const STYLES = {
  values: { borderColor: BLUE, backgroundColor: BLUE, borderWidth: 3, pointRadius: 3, order: 0 },
  trajectory: { borderColor: DARK_GREY, backgroundColor: DARK_GREY, borderWidth: 2, borderDash: [8, 4], pointRadius: 0, order: 2 },
  baseline: { borderColor: DARK_GREY, backgroundColor: DARK_GREY, showLine: false, pointStyle: "rectRot", pointRadius: 8, order: 1 },
  target: { borderColor: GREEN, backgroundColor: GREEN, showLine: false, pointStyle: "triangle", pointRadius: 9, order: 1 },
  band: { borderColor: GREEN, backgroundColor: GREEN, borderWidth: 1, borderDash: [2, 3], pointRadius: 0, order: 3 },
  earlier: { borderColor: MID_GREY, backgroundColor: MID_GREY, borderWidth: 2, borderDash: [4, 4], pointRadius: 0, order: 4 },
  rebaseline: { borderColor: ORANGE, backgroundColor: ORANGE, borderWidth: 2, pointRadius: 0, order: 5 },
};

// Text in charts in the page's own font, at a readable size.
// (GOV.UK Frontend sets its font on its text classes, not on the body.)
Chart.defaults.font.family = getComputedStyle(document.querySelector(".govuk-body") ?? document.body).fontFamily;
Chart.defaults.font.size = 14;
Chart.defaults.color = "#0b0c0c";

const toPoints = (points) => points.map(([date, value]) => ({ x: Date.parse(date), y: value }));

const withUnit = (value, unit) => (unit === "%" ? `${numberWords.format(value)}%` : `${numberWords.format(value)} ${unit}`);

// Ticks on the first of a month, every 1, 2, 3, 6 or 12 months: no more than about eight across the chart.
function monthTicks(min, max) {
  const start = new Date(min);
  const end = new Date(max);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s <= 8) ?? 120;
  const ticks = [];
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  while (month % step !== 0) {
    month += 1;
  }
  for (let at = Date.UTC(year, month, 1); at <= max; month += step, at = Date.UTC(year, month, 1)) {
    if (at >= min) {
      ticks.push({ value: at });
    }
  }
  return ticks;
}

// Lines show in the legend as a stretch of line, dashed as on the chart; single marks as their mark.
function legendLabels(chart) {
  const labels = Chart.defaults.plugins.legend.labels.generateLabels(chart);
  for (const label of labels) {
    if (!["baseline", "target"].includes(chart.data.datasets[label.datasetIndex].kind)) {
      label.pointStyle = "line";
    }
  }
  return labels;
}

function drawChart(figure) {
  const id = figure.dataset.waypointChart;
  const source = document.getElementById(`${id}-data`);
  if (!source) {
    return;
  }

  const chart = JSON.parse(source.textContent);
  const datasets = chart.series.map((series) => ({ label: series.label, kind: series.kind, data: toPoints(series.points), spanGaps: false, ...STYLES[series.kind] }));
  const times = datasets.flatMap((d) => d.data.map((p) => p.x));
  if (times.length === 0) {
    return;
  }

  const canvas = placeCanvas(figure, id);

  new Chart(canvas, {
    type: "line",
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      interaction: { mode: "nearest", intersect: false },
      scales: {
        x: {
          type: "linear",
          min: Math.min(...times) - 10 * DAY,
          max: Math.max(...times) + 10 * DAY,
          afterBuildTicks: (axis) => {
            axis.ticks = monthTicks(axis.min, axis.max);
          },
          ticks: { callback: (value) => monthWords.format(value), maxRotation: 0 },
        },
        y: {
          min: chart.min,
          max: chart.max,
          title: { display: true, text: chart.unit },
          ticks: { callback: (value) => numberWords.format(value) },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true, pointStyleWidth: 32, generateLabels: legendLabels } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? dateWords.format(items[0].parsed.x) : ""),
            label: (item) => `${item.dataset.label}: ${withUnit(item.parsed.y, chart.unit)}`,
          },
        },
      },
    },
  });
}

function drawSparkline(holder) {
  const chart = JSON.parse(holder.dataset.waypointSparkline);
  const data = toPoints(chart.series[0].points);
  if (data.length < 2) {
    return;
  }

  const canvas = document.createElement("canvas");
  canvas.width = 160;
  canvas.height = 40;
  // The words beside it say the same for everyone; the line is for the eye only.
  canvas.setAttribute("aria-hidden", "true");
  holder.prepend(canvas);
  holder.querySelector(".waypoint-sparkline__words")?.classList.add("govuk-visually-hidden");

  new Chart(canvas, {
    type: "line",
    // The newest value gets a dot, so the line's end is plain to see.
    data: { datasets: [{ data, borderColor: BLUE, backgroundColor: BLUE, borderWidth: 2, pointRadius: data.map((_, i) => (i === data.length - 1 ? 3 : 0)) }] },
    options: {
      animation: false,
      responsive: false,
      events: [],
      layout: { padding: 3 },
      scales: { x: { type: "linear", display: false }, y: { display: false } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  });
}

// A reliability diagram: each band's mean confidence against how often those outcomes were achieved, in percent,
// with the diagonal that perfectly calibrated confidences would sit on.
function drawReliability(figure) {
  const id = figure.dataset.waypointReliability;
  const source = document.getElementById(`${id}-data`);
  if (!source) {
    return;
  }

  const { points } = JSON.parse(source.textContent);
  if (points.length === 0) {
    return;
  }

  const canvas = placeCanvas(figure, id);

  const percent = (value) => `${numberWords.format(value)}%`;
  new Chart(canvas, {
    type: "scatter",
    data: {
      datasets: [
        { label: "Forecasts, by band", data: points.map((p) => ({ x: p.x, y: p.y, count: p.count, outcomes: p.outcomes })), borderColor: BLUE, backgroundColor: BLUE, showLine: true, borderWidth: 3, pointRadius: 5, order: 0 },
        { label: "Perfectly calibrated", data: [{ x: 0, y: 0 }, { x: 100, y: 100 }], borderColor: DARK_GREY, backgroundColor: DARK_GREY, showLine: true, borderWidth: 2, borderDash: [8, 4], pointRadius: 0, order: 1 },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        x: { type: "linear", min: 0, max: 100, title: { display: true, text: "Mean confidence" }, ticks: { callback: percent, stepSize: 10 } },
        y: { min: 0, max: 100, title: { display: true, text: "How often achieved" }, ticks: { callback: percent, stepSize: 10 } },
      },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true, pointStyleWidth: 32 } },
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: {
            label: (item) => `Said ${percent(item.parsed.x)} on average, achieved ${percent(item.parsed.y)} of the time (${item.raw.count} forecasts on ${item.raw.outcomes} outcomes)`,
          },
        },
      },
    },
  });
}

// A bar chart of counts by label, such as steps done each week; or, when the data gives a fixed scale (such as a
// mean score from 1 to 5), horizontal bars on that scale with each bar's own label, such as features of a survey.
function drawBars(figure) {
  const id = figure.dataset.waypointBars;
  const source = document.getElementById(`${id}-data`);
  if (!source) {
    return;
  }

  const { label, labels, values, scale } = JSON.parse(source.textContent);
  if (values.length === 0) {
    return;
  }

  const canvas = placeCanvas(figure, id);
  if (scale) {
    canvas.parentElement.classList.add("waypoint-chart__canvas--tall");
  }
  const valueAxis = scale
    ? { min: scale.min, max: scale.max, title: { display: true, text: label }, ticks: { stepSize: 1 } }
    : { beginAtZero: true, title: { display: true, text: label }, ticks: { precision: 0 } };
  new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: BLUE, borderColor: BLUE }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      indexAxis: scale ? "y" : "x",
      scales: scale
        ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
        : { x: { ticks: { maxRotation: 0, autoSkip: true } }, y: valueAxis },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => (items.length === 0 ? "" : scale ? items[0].label : `Week starting ${items[0].label}`),
            label: (item) => `${label}: ${numberWords.format(scale ? item.parsed.x : item.parsed.y)}`,
          },
        },
      },
    },
  });
}

document.querySelectorAll("[data-waypoint-chart]").forEach(drawChart);
document.querySelectorAll("[data-waypoint-bars]").forEach(drawBars);
document.querySelectorAll("[data-waypoint-reliability]").forEach(drawReliability);
document.querySelectorAll("[data-waypoint-sparkline]").forEach(drawSparkline);

// A canvas after the figure's caption, named by its title and described by its summary; the table stays the content.
function placeCanvas(figure, id) {
  const box = document.createElement("div");
  box.className = "waypoint-chart__canvas";
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-labelledby", `${id}-title`);
  canvas.setAttribute("aria-describedby", `${id}-summary`);
  canvas.textContent = "The table below holds the chart’s data.";
  box.append(canvas);
  figure.querySelector("figcaption").after(box);
  return canvas;
}
