"""Rendering the report: one vacancy at a time (so thousands can be streamed to
disk), then the page around them with the overview first.

All user text (vacancy text, paths, matched text, rule texts) passes through
:func:`esc`; no user data ever reaches an attribute unescaped, a script or a style.
The vacancy text is emitted exactly (only escaped): the highlights are elements
around it and their labels are CSS-generated, so the text content of ``.text`` is
the file's text.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field

from vacaturelint.findings import FileResult, Finding
from vacaturelint.htmlreport.assets import CATEGORY_STYLE, CSS, JS, OTHER_STYLE, category_css
from vacaturelint.htmlreport.document import document_start, esc, header_start
from vacaturelint.pathtext import shown
from vacaturelint.severity import LABELS_NL, SEVERITIES, rank

SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # error, warning, info
SEVERITY_PLURAL = {"error": "fouten", "warning": "waarschuwingen", "info": "info"}


def category_label(category: str) -> str:
    return CATEGORY_STYLE.get(category, OTHER_STYLE)[2]


@dataclass
class Summary:
    """What the overview needs of one vacancy (kept in memory for all of them)."""

    index: int
    path: str
    total: int = 0
    severities: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    @property
    def anchor(self) -> str:
        return f"v{self.index}"


def summarize(index: int, result: FileResult) -> Summary:
    return Summary(
        index=index, path=result.path, total=len(result.findings),
        severities=dict(Counter(f.severity for f in result.findings)),
        categories=dict(Counter(f.category for f in result.findings)), error=result.error,
    )


def _position(f: Finding, docx: bool) -> str:
    if docx:
        return f"alinea {f.line}, teken {f.column}"
    return f"regel {f.line}, kolom {f.column}"


def _finding_item(anchor: str, number: int, f: Finding, docx: bool) -> str:
    sev = f.severity
    parts = [
        f'<li class="finding cat-{esc(f.category)}" id="{anchor}-f{number}" value="{number}">',
        '<div class="head">',
        f'<span class="sev sev-{esc(sev)}-label">{esc(LABELS_NL.get(sev, sev))}</span>',
        f'<span class="swatch" data-cat="{esc(f.category)}">{esc(category_label(f.category))}</span>',
        f'<strong>{esc(f.message)}</strong>',
        "</div><dl>",
    ]
    if f.scope != "document" and f.text:
        parts.append(f'<dt>Tekst</dt><dd><span class="quote">{esc(f.text)}</span> '
                     f'<span class="muted">({esc(_position(f, docx))})</span></dd>')
    parts.append(f"<dt>Regel</dt><dd>{esc(f.rule)} {esc(f.name)}</dd>")
    if f.note:
        parts.append(f"<dt>Let op</dt><dd>{esc(f.note)}</dd>")
    if f.explanation:
        parts.append(f"<dt>Uitleg</dt><dd>{esc(f.explanation)}</dd>")
    if f.legal:
        parts.append(f"<dt>Wettelijke grond</dt><dd>{esc(f.legal)}</dd>")
    if f.suggestions:
        items = "".join(f"<li>{esc(s)}</li>" for s in f.suggestions)
        parts.append(f"<dt>Suggesties</dt><dd><ul>{items}</ul></dd>")
    parts.append("</dl></li>")
    return "".join(parts)


@dataclass(frozen=True)
class Wrap:
    """An element around a stretch ``[start, end)`` of the text (a Word part, a
    Markdown heading or list marker). Wraps never overlap one another; highlights
    are cut at their edges, so the elements always nest."""

    start: int
    end: int
    open: str
    close: str = "</span>"


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)", re.M)
_MD_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S)", re.M)
_LINE_END = re.compile(r"\r\n|\r|\n|$")


def markdown_wraps(text: str) -> list[Wrap]:
    """Headings (``# Kop``) shown as headings and list markers (``- ``, ``1. ``) as
    bullets; the marks stay in the text (hidden or replaced by CSS), so the text
    content is still exactly the file and every offset still fits."""
    wraps = []
    for m in _MD_HEADING.finditer(text):
        end = _LINE_END.search(text, m.end()).start()
        level = len(m.group(1))
        wraps.append(Wrap(m.start(), m.end(), '<span class="md-mark">'))
        wraps.append(Wrap(m.end(), end, f'<span class="md-h md-h{level}">'))
    for m in _MD_ITEM.finditer(text):
        marker = m.group(0)
        indent = len(marker) - len(marker.lstrip(" \t"))
        wraps.append(Wrap(m.start() + indent, m.end(), '<span class="md-bullet">'))
    return sorted(wraps, key=lambda w: w.start)


def _highlighted(text: str, spans: list[tuple[int, Finding]], anchor: str, parts: list,
                 wraps: list[Wrap] | None = None) -> str:
    """The text, escaped, with every finding range wrapped in an ``a.hl`` element.

    Overlapping findings are cut into segments; a segment names all findings that
    cover it (``data-f``) and takes the colour of the most serious one. Word parts
    and Markdown marks are elements around stretches of the text (:class:`Wrap`).
    """
    wraps = sorted([*(Wrap(p.start, p.end, f'<span class="part" data-label="{esc(p.label)}">') for p in parts),
                    *(wraps or [])], key=lambda w: w.start)
    bounds = {0, len(text)}
    for _, f in spans:
        bounds.update((f.start, f.end))
    for wrap in wraps:
        bounds.update((wrap.start, wrap.end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    wrap_at = {w.start: w for w in wraps if w.end > w.start}
    out: list[str] = []
    current: Wrap | None = None
    # One sweep over the cuts: the findings covering a segment are those started at
    # or before it and not yet ended (every start and end is a cut), so each finding
    # is added and removed once instead of every finding tested per segment.
    by_start = sorted(spans, key=lambda nf: nf[1].start)
    ends: list[tuple[int, int]] = []  # heap of (end, number) of the active findings
    active: dict[int, Finding] = {}
    next_span = 0
    for a, b in zip(cuts, cuts[1:]):
        while next_span < len(by_start) and by_start[next_span][1].start <= a:
            n, f = by_start[next_span]
            active[n] = f
            heapq.heappush(ends, (f.end, n))
            next_span += 1
        while ends and ends[0][0] <= a:
            active.pop(heapq.heappop(ends)[1], None)
        if current is not None and a >= current.end:
            out.append(current.close)
            current = None
        if current is None and a in wrap_at:
            current = wrap_at[a]
            out.append(current.open)
        piece = esc(text[a:b])
        covering = sorted(active.items()) if active else []
        if not covering:
            out.append(piece)
            continue
        main = max(covering, key=lambda nf: (rank(nf[1].severity), -nf[0]))[1]
        ids = " ".join(f"{anchor}-f{n}" for n, _ in covering)
        ending = [(n, f) for n, f in covering if f.end == b]
        label = ""
        if ending:
            numbers = ", ".join(str(n) for n, _ in ending)
            worst = max((f for _, f in ending), key=lambda f: rank(f.severity))
            label = f' data-label="{esc(numbers)} {esc(LABELS_NL.get(worst.severity, worst.severity))}"'
        out.append(
            f'<a class="hl cat-{esc(main.category)} sev-{esc(main.severity)}" href="#{anchor}-f{covering[0][0]}"'
            f' data-f="{ids}"{label} aria-describedby="{ids}">{piece}</a>'
        )
    if current is not None:
        out.append(current.close)
    return "".join(out)


def _counts_line(summary: Summary) -> str:
    if summary.error:
        return "niet gecontroleerd"
    if not summary.total:
        return "geen bevindingen"
    bits = [f"{summary.severities[s]} {SEVERITY_PLURAL[s] if summary.severities[s] != 1 else LABELS_NL[s]}"
            for s in SEVERITY_ORDER if summary.severities.get(s)]
    return f"{summary.total} bevinding{'en' if summary.total != 1 else ''}: " + ", ".join(bits)


def _summary_table(summary: Summary, findings: list[Finding]) -> str:
    if not findings:
        return '<p class="muted">Geen bevindingen: geen uitsluitend taalgebruik gevonden.</p>'
    cats = [c for c in (*CATEGORY_STYLE, *sorted(summary.categories)) if c in summary.categories]
    cats = list(dict.fromkeys(cats))
    cells = Counter((f.category, f.severity) for f in findings)
    head = "".join(f'<th scope="col" class="num">{esc(LABELS_NL[s])}</th>' for s in SEVERITY_ORDER)
    rows = []
    for cat in cats:
        nums = "".join(f'<td class="num">{cells.get((cat, s), 0) or ""}</td>' for s in SEVERITY_ORDER)
        rows.append(f'<tr><th scope="row"><span class="swatch" data-cat="{esc(cat)}">{esc(category_label(cat))}'
                    f'</span></th>{nums}<td class="num">{summary.categories[cat]}</td></tr>')
    totals = "".join(f'<td class="num">{summary.severities.get(s, 0)}</td>' for s in SEVERITY_ORDER)
    return (
        '<table class="summary-table"><caption class="muted">Bevindingen per categorie en ernst</caption>'
        f'<thead><tr><th scope="col">Categorie</th>{head}<th scope="col" class="num">totaal</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody><tfoot><tr><th scope="row">Totaal</th>{totals}'
        f'<td class="num">{summary.total}</td></tr></tfoot></table>'
    )


def render_vacancy(index: int, result: FileResult, open_: bool = False) -> tuple[Summary, str]:
    """One vacancy as a ``<details>`` section, and its summary for the overview."""
    docx = result.kind == "docx"
    summary = summarize(index, result)
    anchor = summary.anchor
    out = [f'<details class="vacancy" id="{anchor}"{" open" if open_ else ""}>',
           f'<summary><span class="path">{esc(shown(result.path))}</span>'
           f'<span class="counts">{esc(_counts_line(summary))}</span></summary><div class="vbody">']
    if result.error:
        out.append(f'<p class="error-box" role="alert">Niet gecontroleerd: {esc(result.error)}</p></div></details>\n')
        return summary, "".join(out)
    numbered = list(enumerate(result.findings, start=1))
    out.append(_summary_table(summary, result.findings))
    document_level = [(n, f) for n, f in numbered if f.scope == "document"]
    balance = [(n, f) for n, f in document_level if f.category == "geslacht"]
    for n, f in balance:
        note = f" {esc(f.note)}" if f.note else ""
        out.append(f'<p class="balance"><strong>Genderbalans van de woordkeus:</strong> {esc(f.message)}{note} '
                   f'<a href="#{anchor}-f{n}">(bevinding {n})</a></p>')
    spans = [(n, f) for n, f in numbered if f.scope != "document" and f.end > f.start]
    where = "alinea's (Word: kop- en voettekst apart gemarkeerd)" if docx else "de tekst"
    out.append(f'<h3>Tekst met markeringen</h3><p class="muted">Markeringen in {esc(where)}: '
               "klik of tab naar een markering voor de uitleg.</p>")
    wraps = markdown_wraps(result.text) if result.kind == "markdown" else []
    out.append(f'<div class="text" lang="nl">{_highlighted(result.text, spans, anchor, list(result.parts), wraps)}</div>')
    if numbered:
        out.append("<h3>Bevindingen</h3><ol class=\"findings\">")
        out.extend(_finding_item(anchor, n, f, docx) for n, f in numbered)
        out.append("</ol>")
    out.append("</div></details>\n")
    return summary, "".join(out)


# -- page ----------------------------------------------------------------------
def _chart(totals: Counter) -> str:
    cats = [c for c in CATEGORY_STYLE if totals.get(c)] + sorted(c for c in totals if c not in CATEGORY_STYLE)
    if not cats:
        return ""
    top = max(totals[c] for c in cats)
    row, label_w, bar_w = 28, 230, 360
    height = row * len(cats) + 10
    bars = []
    for i, cat in enumerate(cats):
        y = 5 + i * row
        width = max(2, round(bar_w * totals[cat] / top))
        colour = CATEGORY_STYLE.get(cat, OTHER_STYLE)[1]
        bars.append(
            f'<g><title>{esc(category_label(cat))}: {totals[cat]}</title>'
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{esc(category_label(cat))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row - 10}" fill="{colour}"/>'
            f'<text x="{label_w + width + 6}" y="{y + 17}">{totals[cat]}</text></g>'
        )
    return (f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {label_w + bar_w + 60} '
            f'{height}" width="100%"><title id="chart-title">Bevindingen per categorie</title>{"".join(bars)}</svg>')


def _overview(summaries: list[Summary]) -> str:
    totals: Counter = Counter()
    for s in summaries:
        totals.update(s.categories)
    cats = [c for c in CATEGORY_STYLE if totals.get(c)] + sorted(c for c in totals if c not in CATEGORY_STYLE)
    ordered = sorted(summaries, key=lambda s: (*(-s.severities.get(v, 0) for v in SEVERITY_ORDER), -s.total, s.index))
    head = ['<th scope="col"><button type="button">Vacature</button></th>',
            '<th scope="col" class="num"><button type="button">Totaal</button></th>']
    head += [f'<th scope="col" class="num"{sorted_by}><button type="button">{esc(LABELS_NL[s])}</button></th>'
             for s in SEVERITY_ORDER
             for sorted_by in [' aria-sort="descending"' if s == "error" else ""]]
    head += [f'<th scope="col" class="num"><button type="button">{esc(category_label(c))}</button></th>' for c in cats]
    rows = []
    for s in ordered:
        status = ' <span class="sev sev-error-label">niet gecontroleerd</span>' if s.error else ""
        cells = [f'<td data-v="{esc(shown(s.path))}"><a href="#{s.anchor}">{esc(shown(s.path))}</a>{status}</td>',
                 f'<td class="num" data-v="{s.total}">{s.total}</td>']
        cells += [f'<td class="num" data-v="{s.severities.get(v, 0)}">{s.severities.get(v, 0)}</td>'
                  for v in SEVERITY_ORDER]
        cells += [f'<td class="num" data-v="{s.categories.get(c, 0)}">{s.categories.get(c, 0) or ""}</td>'
                  for c in cats]
        rows.append(f'<tr data-i="{s.index}">{"".join(cells)}</tr>')
    with_findings = sum(1 for s in summaries if s.total)
    failed = sum(1 for s in summaries if s.error)
    sev_totals = Counter()
    for s in summaries:
        sev_totals.update(s.severities)
    sev_text = ", ".join(f"{sev_totals.get(v, 0)} {SEVERITY_PLURAL[v]}" for v in SEVERITY_ORDER)
    failed_text = f", {failed} niet gecontroleerd" if failed else ""
    return (
        '<section aria-labelledby="overview-title"><h2 id="overview-title">Overzicht</h2>'
        f'<p>{len(summaries)} vacatures, {with_findings} met bevindingen{failed_text}; '
        f'{sum(totals.values())} bevindingen ({esc(sev_text)}).</p>'
        f'<h3>Bevindingen per categorie</h3>{_chart(totals)}'
        '<h3>Vacatures, meeste fouten eerst (dan waarschuwingen)</h3>'
        '<p class="muted">Klik op een kolomkop om te sorteren; klik op een vacature om haar te openen.</p>'
        '<div class="table-wrap"><table class="overview-table sortable">'
        f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _legend() -> str:
    cats = "".join(f'<li><span class="swatch" data-cat="{esc(c)}">{esc(label)}</span></li>'
                   for c, (_, _, label) in CATEGORY_STYLE.items())
    sevs = (
        '<li><span class="hl sev-error" data-label="1 fout">onderstreept</span> fout: risico op direct onderscheid</li>'
        '<li><span class="hl sev-warning" data-label="2 waarschuwing">gestreept</span> waarschuwing: indirect '
        "onderscheid, alleen met goede reden</li>"
        '<li><span class="hl sev-info" data-label="3 info">gestippeld</span> info: tip</li>'
    )
    return (f'<section aria-label="Legenda"><h2>Legenda</h2><ul class="legend">{cats}</ul>'
            f'<ul class="legend">{sevs}</ul></section>')


def page_head(title: str, summaries: list[Summary], info: str) -> str:
    """Everything before the vacancy sections: head, legend, overview (several vacancies)."""
    css = CSS + category_css()
    several = len(summaries) > 1
    toolbar = ('<div class="toolbar"><button type="button" id="open-all">Alles uitklappen</button>'
               '<button type="button" id="close-all">Alles inklappen</button></div>') if several else ""
    return (
        document_start(title, css=css, script=JS)
        + header_start(title, info)
        + '<p class="meta">Een markering is een risico op verboden onderscheid, geen oordeel: de uitleg noemt de '
        "wettelijke grond. Oordelen van het College voor de Rechten van de Mens zijn niet bindend.</p></header>"
        f"<main>{_legend()}{_overview(summaries) if several else ''}"
        f'<section aria-labelledby="vacancies-title"><h2 id="vacancies-title">'
        f'{"Vacatures" if several else "Vacature"}</h2>{toolbar}'
    )


def page_tail() -> str:
    return f'</section></main><div id="tip" role="tooltip" hidden></div><script>{JS}</script></body></html>\n'
