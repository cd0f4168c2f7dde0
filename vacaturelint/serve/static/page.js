/* vacaturelint serve: the page's script.
 *
 * Lints the text a short pause after typing (POST /api/lint), shows the text with
 * highlights (keyboard: Tab to a highlight, Enter for the finding), a summary per
 * category and the findings with "Vervang door" buttons for literal suggestions.
 * User text only ever becomes text nodes, never markup. Nothing is stored:
 * neither here (no storage API) nor on the server.
 *
 * Offsets from the API count code points; JavaScript strings count UTF-16 units,
 * so the text is handled as an array of code points (Array.from).
 */
(function () {
  "use strict";
  var doc = document;
  var PAUSE_MS = 400;
  var RANK = { info: 0, warning: 1, error: 2 };
  var SEVERITY_ORDER = ["error", "warning", "info"];
  var SEVERITY_PLURAL = { error: "fouten", warning: "waarschuwingen", info: "info" };

  var editor = doc.getElementById("editor");
  var kind = doc.getElementById("kind");
  var marked = doc.getElementById("marked");
  var summary = doc.getElementById("summary");
  var list = doc.getElementById("findings");
  var statusEl = doc.getElementById("status");
  var appliedEl = doc.getElementById("applied");
  var tokenForm = doc.getElementById("token-form");
  var tokenInput = doc.getElementById("token");

  var categoryLabels = {};
  Array.prototype.forEach.call(doc.querySelectorAll("#category-legend [data-cat]"), function (el) {
    categoryLabels[el.getAttribute("data-cat")] = el.getAttribute("data-label");
  });
  var severityLabels = {};
  Array.prototype.forEach.call(doc.querySelectorAll("#severity-legend [data-sev]"), function (el) {
    severityLabels[el.getAttribute("data-sev")] = el.getAttribute("data-label");
  });

  var token = "";
  var tokenMatch = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (tokenMatch) {
    token = decodeURIComponent(tokenMatch[1]);
    history.replaceState(null, "", location.pathname + location.search);  // keep it out of the address bar
  }

  var state = { ready: false, text: null, kind: null, findings: [], replacements: [], applied: 0 };
  var timer = null;
  var sequence = 0;
  var inFlight = null;
  var focusAfterLint = null;

  function catLabel(cat) { return categoryLabels[cat] || cat; }
  function sevLabel(sev) { return severityLabels[sev] || sev; }

  function setStatus(text, kindOfState) {
    statusEl.textContent = text;
    statusEl.setAttribute("data-state", kindOfState || "ok");
  }

  function el(tag, attrs, children) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // -- the model: wait until the server has loaded it ----------------------------
  function waitForModel() {
    fetch("/healthz", { cache: "no-store" }).then(function (response) {
      return response.json();
    }).then(function (health) {
      if (health.status === "ready") {
        state.ready = true;
        setStatus("Klaar: typ of plak een vacaturetekst.");
        doc.documentElement.setAttribute("data-ready", "1");
        lintNow();
      } else if (health.status === "error") {
        setStatus("Het model kon niet worden geladen: " + (health.error || "onbekende fout"), "error");
      } else {
        setStatus("model laden...", "loading");
        setTimeout(waitForModel, 500);
      }
    }).catch(function () {
      setStatus("De server is niet bereikbaar; start 'vacaturelint serve' opnieuw.", "error");
    });
  }

  // -- linting ---------------------------------------------------------------------
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(lintNow, PAUSE_MS);
  }

  function lintNow() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!state.ready) return;
    var text = editor.value;
    var textKind = kind.value;
    if (text === state.text && textKind === state.kind && !focusAfterLint) return;
    if (inFlight) inFlight.abort();
    var controller = new AbortController();
    inFlight = controller;
    var number = ++sequence;
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    marked.setAttribute("aria-busy", "true");
    setStatus("Bezig met controleren...", "busy");
    fetch("/api/lint", {
      method: "POST", headers: headers, signal: controller.signal, cache: "no-store",
      body: JSON.stringify({ text: text, kind: textKind })
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      if (number !== sequence) return;  // a newer request is on its way
      inFlight = null;
      marked.setAttribute("aria-busy", "false");
      if (answer.status === 401) {
        tokenForm.hidden = false;
        setStatus("Deze server vraagt een toegangstoken: vul het hieronder in.", "error");
        if (doc.activeElement === doc.body || !doc.activeElement) tokenInput.focus();  // never while typing
        return;
      }
      if (answer.status !== 200) {
        setStatus("Fout: " + (answer.body && answer.body.error ? answer.body.error : "status " + answer.status),
                  "error");
        if (answer.status === 503) setTimeout(lintNow, 2000);
        return;
      }
      show(text, textKind, answer.body.findings, answer.body.replacements);
    }).catch(function (error) {
      if (error && error.name === "AbortError") return;
      if (number !== sequence) return;
      inFlight = null;
      marked.setAttribute("aria-busy", "false");
      setStatus("De server is niet bereikbaar.", "error");
    });
  }

  function show(text, textKind, findings, replacements) {
    state.text = text;
    state.kind = textKind;
    state.findings = findings;
    state.replacements = replacements;
    renderMarked(text, findings);
    renderSummary(findings);
    renderFindings(findings, replacements);
    var n = findings.length;
    setStatus(n === 0 ? "Geen bevindingen." : n + (n === 1 ? " bevinding." : " bevindingen."));
    doc.documentElement.setAttribute("data-linted", String(sequence));
    doc.documentElement.setAttribute("data-findings", String(n));
    var focus = focusAfterLint;
    focusAfterLint = null;
    if (focus) focus();
  }

  // -- the highlighted text ----------------------------------------------------------
  function renderMarked(text, findings) {
    var chars = Array.from(text);
    var spans = [];
    findings.forEach(function (f, i) {
      if (f.scope !== "document" && f.end_offset > f.offset) spans.push({ n: i + 1, f: f });
    });
    var bounds = {};
    bounds[0] = true;
    bounds[chars.length] = true;
    spans.forEach(function (s) { bounds[s.f.offset] = true; bounds[s.f.end_offset] = true; });
    var cuts = Object.keys(bounds).map(Number).filter(function (b) {
      return b >= 0 && b <= chars.length;
    }).sort(function (a, b) { return a - b; });
    var out = doc.createDocumentFragment();
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      var piece = chars.slice(a, b).join("");
      var covering = spans.filter(function (s) { return s.f.offset <= a && b <= s.f.end_offset; });
      if (!covering.length) { out.appendChild(doc.createTextNode(piece)); continue; }
      var main = covering.reduce(function (best, s) {
        return RANK[s.f.severity] > RANK[best.f.severity] ? s : best;
      });
      var ids = covering.map(function (s) { return "f-" + s.n; }).join(" ");
      var mark = el("a", {
        "class": "hl cat-" + main.f.category + " sev-" + main.f.severity,
        href: "#f-" + covering[0].n, "data-f": ids, "aria-describedby": ids
      }, [piece]);
      var ending = covering.filter(function (s) { return s.f.end_offset === b; });
      if (ending.length) {
        var worst = ending.reduce(function (w, s) { return RANK[s.f.severity] > RANK[w.f.severity] ? s : w; });
        mark.setAttribute("data-label", ending.map(function (s) { return s.n; }).join(", ") + " " +
                          sevLabel(worst.f.severity));
      }
      out.appendChild(mark);
    }
    clear(marked);
    marked.appendChild(out);
  }

  // -- summary per category ------------------------------------------------------------
  function renderSummary(findings) {
    clear(summary);
    if (!findings.length) {
      summary.appendChild(el("p", { "class": "muted", text: "Geen bevindingen: geen uitsluitend taalgebruik gevonden." }));
      return;
    }
    var cells = {}, perCat = {}, perSev = {}, cats = [];
    findings.forEach(function (f) {
      var key = f.category + "|" + f.severity;
      cells[key] = (cells[key] || 0) + 1;
      perCat[f.category] = (perCat[f.category] || 0) + 1;
      perSev[f.severity] = (perSev[f.severity] || 0) + 1;
    });
    Object.keys(categoryLabels).concat(Object.keys(perCat).sort()).forEach(function (c) {
      if (perCat[c] && cats.indexOf(c) < 0) cats.push(c);
    });
    var head = el("tr", {}, [el("th", { scope: "col", text: "Categorie" })].concat(
      SEVERITY_ORDER.map(function (s) { return el("th", { scope: "col", "class": "num", text: sevLabel(s) }); }),
      [el("th", { scope: "col", "class": "num", text: "totaal" })]));
    var rows = cats.map(function (c) {
      return el("tr", {}, [el("th", { scope: "row" }, [el("span", { "class": "swatch", "data-cat": c, text: catLabel(c) })])]
        .concat(SEVERITY_ORDER.map(function (s) {
          return el("td", { "class": "num", text: String(cells[c + "|" + s] || "") });
        }), [el("td", { "class": "num", text: String(perCat[c]) })]));
    });
    var foot = el("tr", {}, [el("th", { scope: "row", text: "Totaal" })].concat(
      SEVERITY_ORDER.map(function (s) { return el("td", { "class": "num", text: String(perSev[s] || 0) }); }),
      [el("td", { "class": "num", text: String(findings.length) })]));
    var counts = SEVERITY_ORDER.filter(function (s) { return perSev[s]; }).map(function (s) {
      return perSev[s] + " " + (perSev[s] === 1 ? sevLabel(s) : SEVERITY_PLURAL[s]);
    }).join(", ");
    summary.appendChild(el("table", { "class": "summary-table", id: "summary-table" }, [
      el("caption", { "class": "muted", text: findings.length + (findings.length === 1 ? " bevinding: " : " bevindingen: ") + counts }),
      el("thead", {}, [head]), el("tbody", {}, rows), el("tfoot", {}, [foot])
    ]));
  }

  // -- findings with explanation, legal ground and suggestions ---------------------------
  function matchCase(original, replacement) {
    var first = Array.from(original)[0] || "";
    var rFirst = Array.from(replacement)[0] || "";
    if (first && first !== first.toLowerCase() && rFirst && rFirst === rFirst.toLowerCase() &&
        rFirst !== rFirst.toUpperCase()) {
      return rFirst.toUpperCase() + replacement.slice(rFirst.length);
    }
    return replacement;
  }

  function renderFindings(findings, replacements) {
    clear(list);
    findings.forEach(function (f, i) {
      var n = i + 1;
      var head = el("div", { "class": "head" }, [
        el("span", { "class": "sev sev-" + f.severity + "-label", text: sevLabel(f.severity) }),
        el("span", { "class": "swatch", "data-cat": f.category, text: catLabel(f.category) }),
        el("strong", { text: f.message })
      ]);
      var dl = el("dl");
      function row(term, content) {
        dl.appendChild(el("dt", { text: term }));
        dl.appendChild(typeof content === "string" ? el("dd", { text: content }) : el("dd", {}, [content]));
      }
      if (f.scope !== "document" && f.text) {
        row("Tekst", el("span", {}, [el("span", { "class": "quote", text: f.text }),
                                     " (regel " + f.line + ", kolom " + f.column + ")"]));
      }
      row("Regel", f.rule + " " + f.name);
      if (f.note) row("Let op", f.note);
      if (f.explanation) row("Uitleg", f.explanation);
      if (f.legal) row("Wettelijke grond", f.legal);
      var literal = (replacements && replacements[i]) || [];
      if (f.suggestions.length) {
        var ul = el("ul");
        f.suggestions.forEach(function (s) {
          if (literal.indexOf(s) >= 0 && f.scope !== "document" && f.end_offset > f.offset) {
            var text = matchCase(f.text, s);
            var button = el("button", {
              type: "button", "class": "apply", "data-finding": String(i), "data-replacement": text,
              "aria-label": "Vervang ‘" + f.text + "’ door ‘" + text + "’", text: "Vervang door ‘" + text + "’"
            });
            button.addEventListener("click", function () { apply(i, text); });
            ul.appendChild(el("li", {}, [button]));
          } else {
            ul.appendChild(el("li", { "class": "advice", text: s }));
          }
        });
        row("Suggesties", ul);
      }
      var item = el("li", { "class": "finding cat-" + f.category, id: "f-" + n, tabindex: "-1" }, [head, dl]);
      if (f.scope !== "document" && f.end_offset > f.offset) {
        var back = el("a", { "class": "back", href: "#editor", text: "Terug naar de tekst" });
        back.addEventListener("click", function (event) {
          event.preventDefault();
          var mark = marked.querySelector('a.hl[href="#f-' + n + '"]') || marked.querySelector("a.hl");
          (mark || editor).focus();
        });
        item.appendChild(el("p", {}, [back]));
      }
      list.appendChild(item);
    });
  }

  function openFinding(id) {
    var item = doc.getElementById(id);
    if (!item) return;
    Array.prototype.forEach.call(doc.querySelectorAll(".current"), function (c) { c.classList.remove("current"); });
    item.classList.add("current");
    Array.prototype.forEach.call(marked.querySelectorAll("a.hl"), function (m) {
      if ((" " + m.getAttribute("data-f") + " ").indexOf(" " + id + " ") >= 0) m.classList.add("current");
    });
    item.focus();
    if (item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
  }

  // -- applying a suggestion ------------------------------------------------------------
  function apply(index, replacement) {
    var f = state.findings[index];
    if (!f || editor.value !== state.text) {
      setStatus("De tekst is intussen gewijzigd; kies de suggestie opnieuw na de nieuwe controle.", "error");
      lintNow();
      return;
    }
    var chars = Array.from(state.text);
    if (chars.slice(f.offset, f.end_offset).join("") !== f.text) return;
    editor.value = chars.slice(0, f.offset).join("") + replacement + chars.slice(f.end_offset).join("");
    state.applied += 1;
    appliedEl.textContent = state.applied + (state.applied === 1 ? " suggestie toegepast." : " suggesties toegepast.");
    doc.documentElement.setAttribute("data-applied", String(state.applied));
    focusAfterLint = function () {
      var next = doc.getElementById("f-" + (index + 1)) || doc.getElementById("f-" + index);
      if (next) next.focus(); else doc.getElementById("findings-title").focus();
      setStatus("Vervangen: ‘" + f.text + "’ door ‘" + replacement + "’. " + statusEl.textContent);
    };
    lintNow();
  }

  // -- copying the improved text ---------------------------------------------------------
  function copied() { setStatus("Verbeterde tekst gekopieerd naar het klembord."); }
  function copyFallback() {
    var start = editor.selectionStart, end = editor.selectionEnd;
    editor.focus();
    editor.select();
    var ok = false;
    try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
    editor.setSelectionRange(start, end);
    if (ok) copied(); else setStatus("Kopiëren lukte niet: selecteer de tekst en kopieer met Ctrl+C.", "error");
  }
  doc.getElementById("copy").addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(editor.value).then(copied, copyFallback);
    } else {
      copyFallback();
    }
  });

  // -- events --------------------------------------------------------------------------------
  editor.addEventListener("input", schedule);
  kind.addEventListener("change", lintNow);
  marked.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("a.hl");
    if (!mark) return;
    event.preventDefault();  // Enter on a focused link is a click too
    openFinding(mark.getAttribute("data-f").split(" ")[0]);
  });
  tokenForm.addEventListener("submit", function (event) {
    event.preventDefault();
    token = tokenInput.value.trim();
    tokenForm.hidden = true;
    state.text = null;  // lint again with the token
    lintNow();
  });

  waitForModel();
})();
