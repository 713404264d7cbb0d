/* Charts when seen: the page's text paints first; plotly.js is fetched only when a chart
 * comes near the viewport, and each chart is drawn then. Every chart's place is held by a box
 * of its height (so nothing jumps). Its figure is either inline JSON
 * (<script type="application/json" data-cfr-for="ID">, as cfr.charts.lazy_chart_div writes it)
 * or, in the built book, a small script beside the page named by that tag's data-src
 * (cfr.figures.externalise_data), fetched with the chart. The plotly.js URL (versioned,
 * cacheable across chapters) is this script's data-plotly. */
(function () {
  "use strict";
  var me = document.currentScript;
  var plotlySrc = me && me.getAttribute("data-plotly");
  var scripts = {};
  var specs = {};

  // A chart's data file calls this with the figure.
  window.cfrChartData = function (id, spec) { specs[id] = spec; };

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.async = true;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }

  function loadPlotly() {
    return window.Plotly ? Promise.resolve() : loadScript(plotlySrc);
  }

  function figure(div) {
    var tag = document.querySelector('script[data-cfr-for="' + div.id + '"]');
    var src = tag.getAttribute("data-src");
    if (!src) return Promise.resolve(JSON.parse(tag.textContent));
    return loadScript(src).then(function () { return specs[div.id]; });
  }

  function draw(div) {
    if (div._cfrDrawing) return div._cfrDrawing;
    div._cfrDrawing = Promise.all([figure(div), loadPlotly()]).then(function (got) {
      var spec = got[0];
      return window.Plotly.newPlot(div, spec.data, spec.layout, spec.config);
    }).then(function () {
      return declutter(div);
    }).then(function () {
      div.setAttribute("data-cfr-drawn", "");
    });
    return div._cfrDrawing;
  }

  // Labels placed on the plot's frame (event marks, column headings: yref "paper") can print
  // over each other when the chart is narrow (a phone): each such label, in order, moves down
  // below every label it hits or nearly touches (data labels and the frame labels placed
  // before it), until it hits none. Labels tied to data points are left where the data are.
  function overlap(a, b) {
    return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  }

  // A chart in a part of the page the browser has not laid out yet (content-visibility: auto
  // in cfr.css) has labels of no size: place them once the chart is in view.
  function whenShown(div) {
    if (div._cfrWaiting || !("IntersectionObserver" in window)) return;
    div._cfrWaiting = true;
    var seen = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      seen.disconnect();
      div._cfrWaiting = false;
      window.requestAnimationFrame(function () { declutter(div); });
    });
    seen.observe(div);
  }

  function declutter(div) {
    var notes = (div.layout && div.layout.annotations) || [];
    var groups = Array.prototype.slice.call(div.querySelectorAll("g.annotation"));
    if (groups.some(function (g) {
      var t = g.querySelector(".annotation-text-g");
      return t && g.textContent.trim() && !t.getBoundingClientRect().width;
    })) {
      whenShown(div);
      return Promise.resolve();
    }
    var items = groups.map(function (g) {
      var t = g.querySelector(".annotation-text-g");
      var k = +g.getAttribute("data-index");
      var r = t ? t.getBoundingClientRect() : null;
      var note = notes[k] || {};
      return { k: k, note: note, movable: note.yref === "paper" && !note.showarrow,
               box: r && r.width ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null };
    }).filter(function (it) { return it.box; });
    var placed = items.filter(function (it) { return !it.movable; }).map(function (it) { return it.box; });
    var update = {};
    items.forEach(function (it) {
      if (!it.movable) return;
      var box = it.box, shift = 0;
      for (var tries = 0; tries <= items.length; tries++) {
        // a word's width apart at least, so two labels never read as one
        var wide = { left: box.left - 8, right: box.right + 8, top: box.top, bottom: box.bottom };
        var hit = placed.filter(function (b) { return overlap(b, wide); })[0];
        if (!hit) break;
        var d = hit.bottom - box.top + 2;
        box = { left: box.left, right: box.right, top: box.top + d, bottom: box.bottom + d };
        shift += d;
      }
      if (shift) update["annotations[" + it.k + "].yshift"] = (it.note.yshift || 0) - shift;
      placed.push(box);
    });
    var done = function () { div.setAttribute("data-cfr-placed", ""); };
    return (Object.keys(update).length ? window.Plotly.relayout(div, update) : Promise.resolve())
      .then(done);
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
