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
      return declutter(div);
    }).then(function () {
      div.setAttribute("data-cfr-drawn", "");
    });
    return div._cfrDrawing;
  }

  // Labels placed on the plot's frame (event marks, column headings: yref "paper") can print
  // over each other when the chart is narrow (a phone): move a later label down below the one
  // it hits, a few passes at most. Labels tied to data points are left where the data are.
  function overlap(a, b) {
    return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  }

  function declutter(div, pass) {
    pass = pass || 0;
    var notes = (div.layout && div.layout.annotations) || [];
    var groups = Array.prototype.slice.call(div.querySelectorAll("g.annotation"));
    var boxes = groups.map(function (g) {
      var t = g.querySelector(".annotation-text-g");
      return t ? t.getBoundingClientRect() : null;
    });
    var update = {};
    for (var j = 0; j < groups.length; j++) {
      var k = +groups[j].getAttribute("data-index");
      var note = notes[k];
      if (!boxes[j] || !note || note.yref !== "paper" || note.showarrow) continue;
      for (var i = 0; i < groups.length; i++) {
        var other = notes[+groups[i].getAttribute("data-index")] || {};
        // the later of two frame labels moves; a frame label always gives way to a data label
        var movable = other.yref === "paper" && !other.showarrow;
        if (i === j || (movable && i > j)) continue;
        if (boxes[i] && overlap(boxes[i], boxes[j])) {
          update["annotations[" + k + "].yshift"] =
            (note.yshift || 0) - (boxes[i].bottom - boxes[j].top + 2);
          break;
        }
      }
    }
    if (pass >= 4 || !Object.keys(update).length) return Promise.resolve();
    return window.Plotly.relayout(div, update).then(function () {
      return declutter(div, pass + 1);
    });
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
