// Draws the charts of /suivi/statistiques with Chart.js (served from /lib, no CDN). Each canvas
// carries its figures in a data-chart attribute (JSON): no inline script, so the CSP holds. The
// same figures are in a table next to each chart for screen readers.
(function () {
  "use strict";
  if (typeof window.Chart !== "function") return;
  var palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#9a3412"];
  var number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

  function draw(canvas) {
    if (canvas.dataset.drawn) return;
    var data;
    try {
      data = JSON.parse(canvas.dataset.chart);
    } catch (e) {
      return;
    }
    canvas.dataset.drawn = "true";
    var unit = data.unit ? " " + data.unit : "";
    new window.Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return {
            label: s.name,
            data: s.values,
            backgroundColor: palette[i % palette.length],
            borderColor: palette[i % palette.length],
            spanGaps: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "fr-FR",
        scales: {
          y: {
            beginAtZero: true,
            ticks: { callback: function (v) { return number.format(v) + unit; } },
          },
        },
        plugins: {
          legend: { display: data.series.length > 1 },
          tooltip: {
            callbacks: {
              label: function (ctx) { return ctx.dataset.label + " : " + number.format(ctx.parsed.y) + unit; },
            },
          },
        },
      },
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  else drawAll();
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
