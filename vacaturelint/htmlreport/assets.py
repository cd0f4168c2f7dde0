"""Inline CSS and JavaScript of the HTML report: no network, no fonts, no images.

Colours: category backgrounds are light tints with near-black text (contrast above
10:1); severity is never colour alone: errors have a solid thick underline, warnings
a dashed one, hints a dotted one, and every highlight ends in a text label
("[1 fout]"). The script only adds comfort (tooltip, sorting, opening collapsed
vacancies for links and printing); without it the report still reads and prints.
"""

from __future__ import annotations

from vacaturelint.meta import META_CATEGORY
from vacaturelint.rules.model import CATEGORIES

# category -> (background tint, bar colour in the chart, Dutch label)
_STYLES = {
    "leeftijd": ("#ffe0b8", "#b35c00", "Leeftijd"),
    "geslacht": ("#ead7fb", "#7b3fb0", "Geslacht"),
    "herkomst": ("#c4f0ee", "#0f7b76", "Herkomst"),
    "beperking": ("#d6f5cf", "#3a7d2c", "Beperking en gezondheid"),
    "religie": ("#fbf3b0", "#8a7400", "Religie en levensovertuiging"),
    "gezinssituatie": ("#fcd5f0", "#a3307f", "Gezinssituatie"),
    "functie-eisen": ("#cfe6fd", "#1d5fa6", "Functie-eisen"),
    "suppressie": ("#e4e4e4", "#555555", "Commentaar in de tekst"),
}
# in the order of rules.model.CATEGORIES, then suppressions; a category without a style fails here
CATEGORY_STYLE = {category: _STYLES[category] for category in (*CATEGORIES, META_CATEGORY)}
OTHER_STYLE = ("#e4e4e4", "#555555", "Overig")


def category_css() -> str:
    """Category tints and bars; the generic rule first so category rules win."""
    rules = [f".hl, .swatch {{ background: {OTHER_STYLE[0]}; }}"]
    for cat, (tint, bar, _) in CATEGORY_STYLE.items():
        rules.append(f'.hl.cat-{cat}, [data-cat="{cat}"] {{ background: {tint}; }}')
        rules.append(f".finding.cat-{cat} {{ border-left: 4px solid {bar}; }}")
    return "\n".join(rules)

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --bg: #fff; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--ink); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
a { color: #0b4f9c; }
a:focus-visible, button:focus-visible, summary:focus-visible, .hl:focus-visible {
  outline: 3px solid #0b4f9c; outline-offset: 2px; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; padding: 0; list-style: none; font-size: .9rem; }
.legend li { display: inline-flex; align-items: center; gap: .35rem; }
.swatch { display: inline-block; padding: 0 .35rem; border: 1px solid #888; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
  color: inherit; text-align: inherit; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
.chart { max-width: 46rem; }
.chart text { font: 13px system-ui, sans-serif; fill: #1a1a1a; }
details.vacancy { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; background: #fff; }
details.vacancy > summary { cursor: pointer; padding: .5rem .8rem; font-weight: 600; display: flex;
  flex-wrap: wrap; gap: .3rem 1rem; align-items: baseline; }
details.vacancy > summary .counts { font-weight: 400; color: var(--muted); font-size: .9rem; }
details.vacancy[open] > summary { border-bottom: 1px solid var(--line); }
details.vacancy:target, .finding:target { box-shadow: 0 0 0 3px #0b4f9c; }
.vbody { padding: .5rem 1rem 1rem; }
.error-box { border-left: 4px solid #b00020; background: #fdecee; padding: .5rem .8rem; }
.balance { border-left: 4px solid #7b3fb0; background: #f6effc; padding: .5rem .8rem; margin: .5rem 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; line-height: 1.75;
  border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; background: #fcfcfc; }
.md-mark { display: none; }
.md-h { font-weight: 700; font-size: 1.1em; }
.md-h1 { font-size: 1.35em; }
.md-h2 { font-size: 1.2em; }
.md-bullet { font-size: 0; }
.md-bullet::before { content: "\\2022\\00a0\\00a0"; font-size: 1rem; }
.part { display: block; border-left: 3px solid #999; padding-left: .6rem; margin: .25rem 0; }
.part::before { content: attr(data-label); display: block; font-size: .75rem; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); }
.hl { color: inherit; text-decoration: none; border-radius: 2px; padding: 0 1px;
  border-bottom: 2px solid #1a1a1a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.hl.sev-error { border-bottom: 3px solid #b00020; }
.hl.sev-warning { border-bottom: 2px dashed #7a4a00; }
.hl.sev-info { border-bottom: 2px dotted #1f4e99; }
.hl[data-label]::after { content: "[" attr(data-label) "]"; font-size: .72em; vertical-align: super;
  line-height: 0; margin-left: 1px; font-weight: 600; color: #1a1a1a; }
.sev { display: inline-block; font-size: .78rem; font-weight: 700; padding: 0 .4rem; border-radius: 3px;
  border: 1px solid currentColor; }
.sev-error-label { color: #b00020; }
.sev-warning-label { color: #7a4a00; }
.sev-info-label { color: #1f4e99; }
ol.findings { padding-left: 1.6rem; }
.finding { margin: .4rem 0 .8rem; padding: .2rem .4rem; border-radius: 4px; break-inside: avoid; }
.finding .head { display: flex; flex-wrap: wrap; gap: .3rem .6rem; align-items: baseline; }
.finding .quote { background: #f1f1f1; padding: 0 .25rem; border-radius: 2px; white-space: pre-wrap; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0 0; }
.finding dt { font-weight: 600; color: var(--muted); }
.finding dd { margin: 0; }
.finding ul { margin: 0; padding-left: 1.1rem; }
#tip { position: absolute; z-index: 10; max-width: 28rem; background: #fff; border: 1px solid #444;
  border-radius: 6px; padding: .5rem .7rem; box-shadow: 0 4px 16px rgba(0,0,0,.25); font-size: .9rem; }
#tip[hidden] { display: none; }
#tip .finding { margin: 0 0 .5rem; list-style: none; }
.toolbar { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0; }
.toolbar button { font: inherit; padding: .2rem .7rem; border: 1px solid #666; border-radius: 4px;
  background: #f4f4f4; cursor: pointer; }
.summary-table { width: auto; }
.summary-table td, .summary-table th { padding: .15rem .6rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .toolbar, #tip, th button::after { display: none !important; }
  a { color: inherit; text-decoration: none; }
  details.vacancy { border: 0; break-before: page; }
  details.vacancy > summary { list-style: none; border-bottom: 2px solid #000; padding-left: 0; }
  details.vacancy > summary::-webkit-details-marker { display: none; }
  .text { border: 0; padding: 0; background: none; }
  .overview-table tr { break-inside: avoid; }
}
"""

JS = r"""
(function () {
  "use strict";
  var doc = document;
  var tip = doc.getElementById("tip");
  function details(el) { return el && el.closest ? el.closest("details.vacancy") : null; }
  function openTarget() {
    var raw = location.hash.slice(1), id;
    try { id = decodeURIComponent(raw); } catch (e) { id = raw; }  // a malformed #%E0 is no error
    if (!id) return;
    var el = doc.getElementById(id);
    var d = el && (el.matches("details.vacancy") ? el : details(el));
    if (d && !d.open) {
      d.open = true;
      if (el !== d) el.scrollIntoView();  // a target inside a closed section had no place to scroll to
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  function showTip(mark) {
    var ids = (mark.getAttribute("data-f") || "").split(" ");
    tip.textContent = "";
    ids.forEach(function (id) {
      var item = doc.getElementById(id);
      if (item) {
        var copy = item.cloneNode(true);
        copy.removeAttribute("id");
        tip.appendChild(copy);
      }
    });
    if (!tip.firstChild) return;
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left,
                                     window.scrollX + doc.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hideTip() { tip.hidden = true; }
  doc.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("a.hl");
    if (m) showTip(m); else if (!tip.contains(e.target)) hideTip();
  });
  doc.addEventListener("focusin", function (e) {
    var m = e.target.closest && e.target.closest("a.hl");
    if (m) showTip(m); else hideTip();
  });
  doc.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });

  function sortTable(th) {
    var table = th.closest("table");
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.classList.contains("num");
    var dir = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-v"), y = b.cells[index].getAttribute("data-v");
      var c = numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y, "nl");
      if (c === 0) c = parseInt(a.getAttribute("data-i"), 10) - parseInt(b.getAttribute("data-i"), 10);
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(doc.querySelectorAll("table.sortable th button"), function (b) {
    b.addEventListener("click", function () { sortTable(b.closest("th")); });
  });

  function setAll(open) {
    Array.prototype.forEach.call(doc.querySelectorAll("details.vacancy"), function (d) { d.open = open; });
  }
  var openAll = doc.getElementById("open-all"), closeAll = doc.getElementById("close-all");
  if (openAll) openAll.addEventListener("click", function () { setAll(true); });
  if (closeAll) closeAll.addEventListener("click", function () { setAll(false); });

  var wasOpen = [];
  window.addEventListener("beforeprint", function () {
    wasOpen = Array.prototype.map.call(doc.querySelectorAll("details.vacancy"), function (d) { return d.open; });
    setAll(true);
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(doc.querySelectorAll("details.vacancy"), function (d, i) { d.open = wasOpen[i]; });
  });

  doc.documentElement.setAttribute("data-ready", "1");
  doc.documentElement.setAttribute("data-highlights", String(doc.querySelectorAll("a.hl").length));
  doc.documentElement.setAttribute("data-findings", String(doc.querySelectorAll("li.finding").length));
})();
"""
