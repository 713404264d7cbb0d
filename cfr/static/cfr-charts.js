/* Charts when seen: the page's text paints first; plotly.js is fetched only when a chart
 * comes near the viewport, and each chart is drawn then. Every chart's place is held by a box
 * of its height (so nothing jumps), and its figure waits in the page as inline JSON
 * (<script type="application/json" data-cfr-for="ID">), written by cfr.charts.lazy_chart_div.
 * The plotly.js URL (versioned, cacheable across chapters) is this script's data-plotly. */
(function () {
  "use strict";
  var me = document.currentScript;
  var plotlySrc = me && me.getAttribute("data-plotly");
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = plotlySrc;
        s.async = true;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("cannot load " + plotlySrc)); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function draw(div) {
    if (div._cfrDrawing) return div._cfrDrawing;
    var data = document.querySelector('script[data-cfr-for="' + div.id + '"]');
    var spec = JSON.parse(data.textContent);
    div._cfrDrawing = loadPlotly().then(function () {
      return window.Plotly.newPlot(div, spec.data, spec.layout, spec.config);
    }).then(function () {
      div.setAttribute("data-cfr-drawn", "");
    });
    return div._cfrDrawing;
  }

  function init() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".cfr-plot"));
    if (!boxes.length) return;
    // Tests and printing can ask for every chart at once.
    window.cfrDrawAll = function () { return Promise.all(boxes.map(draw)); };
    window.addEventListener("beforeprint", window.cfrDrawAll);
    if (!("IntersectionObserver" in window)) { window.cfrDrawAll(); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { seen.unobserve(e.target); draw(e.target); }
      });
    }, { rootMargin: "400px 0px" });
    boxes.forEach(function (b) { seen.observe(b); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
