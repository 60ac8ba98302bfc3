// kabar's dashboard: draw each chart from the data its page carries (data-chart). The page
// reads fine without this script: every chart also comes as a table.
"use strict";

const QUAD_COLOURS = {
  "verbal cooperation": "#5b9bd5",
  "material cooperation": "#2e75b6",
  "verbal conflict": "#f4a261",
  "material conflict": "#c0392b",
  cooperation: "#2e75b6",
  conflict: "#c0392b",
};
const PALETTE = ["#2e75b6", "#c0392b", "#7f8c8d", "#27ae60", "#8e44ad"];

function drawChart(canvas) {
  const spec = JSON.parse(canvas.dataset.chart);
  const datasets = spec.datasets.map((set, i) => {
    const colour = QUAD_COLOURS[set.label] || PALETTE[i % PALETTE.length];
    return { label: set.label, data: set.data, backgroundColor: colour, borderColor: colour };
  });
  return new Chart(canvas, {
    type: spec.kind,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } },
    },
  });
}

document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
  try {
    drawChart(canvas);
    canvas.dataset.drawn = "yes";
  } catch (error) {
    canvas.dataset.drawn = "no";
    console.error("kabar: cannot draw a chart", error);
  }
});
