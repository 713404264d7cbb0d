/* Charts as citable objects (cfr.figures): "Copy link" buttons, the page's own address in
 * citations when the book has no configured base URL, and sortable chart tables. Works from
 * file:// and with no network; without JavaScript the tables, links and citations are still
 * there (only the copy button stays hidden and the tables keep their order). */
(function () {
  "use strict";

  function absolute(href) {
    try { return new URL(href, window.location.href).href; } catch (e) { return href; }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function chartLink(anchor) {
    return window.location.href.split("#")[0] + "#" + anchor;
  }

  function setUpCopy(button) {
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = chartLink(button.getAttribute("data-cfr-anchor"));
      button.setAttribute("data-cfr-copied", url);
      copyText(url).then(function () {
        status.textContent = "Link copied";
      }, function () {
        status.textContent = url;  // shown, so it can be copied by hand
      });
      window.setTimeout(function () { status.textContent = ""; }, 4000);
    });
  }

  function sortKey(cell) {
    var v = cell.getAttribute("data-v");
    if (v !== null) { return parseFloat(v); }
    return cell.textContent.trim().toLowerCase();
  }

  function setUpSort(table) {
    var heads = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button.cfr-sort");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[col]), y = sortKey(b.cells[col]);
          var c = (typeof x === "number" && typeof y === "number") ? x - y
            : String(x).localeCompare(String(y), undefined, { numeric: true });
          return up ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".cfr-url[data-cfr-href]"),
      function (span) { span.textContent = absolute(span.getAttribute("data-cfr-href")); });
    Array.prototype.forEach.call(document.querySelectorAll("button.cfr-copy-link"), setUpCopy);
    Array.prototype.forEach.call(document.querySelectorAll("table.cfr-data-table"), setUpSort);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
