"""``index.html``: the audit as a self-contained page in the style of the report.

Everything is inline (the report's CSS, SVG charts); there is no script at all, and
a Content-Security-Policy allows nothing but the page's own style (by hash). All
values from the feed (group values, wording, file names) pass through the report's
:func:`~vacaturelint.htmlreport.document.esc`.
"""

from __future__ import annotations

from vacaturelint import __version__
from vacaturelint.audit.records import COUNT_CATEGORIES, COUNT_SEVERITIES, ERROR_KINDS
from vacaturelint.htmlreport.assets import CATEGORY_STYLE, CSS, OTHER_STYLE
from vacaturelint.htmlreport.document import document_start, esc, header_start
from vacaturelint.htmlreport.html import category_label
from vacaturelint.severity import LABELS_NL

MAX_GROUP_ROWS = 60
EXTRA_CSS = """
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 10rem; }
.cards strong { display: block; font-size: 1.5rem; }
.chart text { font-size: 13px; fill: #1a1a1a; }
.chart .axis { stroke: #888; stroke-width: 1; }
.chart .whisker { stroke: #1a1a1a; stroke-width: 1.5; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.num .muted { white-space: nowrap; font-size: .8rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.wording { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
.table-wrap { overflow-x: auto; }
"""


def _swatch_css() -> str:
    rules = [f'[data-cat] {{ background: {OTHER_STYLE[0]}; }}']
    rules += [f'[data-cat="{cat}"] {{ background: {tint}; }}' for cat, (tint, _, _) in CATEGORY_STYLE.items()]
    return "\n".join(rules)


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%".replace(".", ",")


def interval(entry: dict) -> str:
    if entry.get("share") is None:
        return "–"
    return f"{pct(entry['low'])[:-1]}–{pct(entry['high'])}"


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _swatch(category: str) -> str:
    return f'<span class="swatch" data-cat="{esc(category)}">{esc(category_label(category))}</span>'


def _shown_categories(summary: dict) -> list[str]:
    cats = summary["shares"]["categories"]
    return [c for c in COUNT_CATEGORIES if c in CATEGORY_STYLE and (cats[c]["ads"] or c != "suppressie")]


def _bar_chart(summary: dict) -> str:
    shares = summary["shares"]["categories"]
    cats = [c for c in _shown_categories(summary) if shares[c]["share"] is not None]
    if not cats:
        return ""
    top = max([shares[c]["high"] for c in cats] + [0.01])
    row, label_w, bar_w = 30, 240, 420
    height = row * len(cats) + 30
    parts = []
    for i, cat in enumerate(cats):
        entry = shares[cat]
        y = 5 + i * row
        width = max(1, round(bar_w * entry["share"] / top))
        low, high = label_w + bar_w * entry["low"] / top, label_w + bar_w * entry["high"] / top
        colour = CATEGORY_STYLE.get(cat, OTHER_STYLE)[1]
        parts.append(
            f'<g><title>{esc(category_label(cat))}: {pct(entry["share"])} (95%-interval {interval(entry)})</title>'
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end">{esc(category_label(cat))}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="{row - 12}" fill="{colour}"/>'
            f'<line class="whisker" x1="{low:.1f}" x2="{high:.1f}" y1="{y + 13}" y2="{y + 13}"/>'
            f'<line class="whisker" x1="{low:.1f}" x2="{low:.1f}" y1="{y + 8}" y2="{y + 18}"/>'
            f'<line class="whisker" x1="{high:.1f}" x2="{high:.1f}" y1="{y + 8}" y2="{y + 18}"/>'
            f'<text x="{high + 6:.1f}" y="{y + 18}">{pct(entry["share"])}</text></g>')
    axis_y = height - 22
    parts.append(f'<line class="axis" x1="{label_w}" x2="{label_w + bar_w}" y1="{axis_y}" y2="{axis_y}"/>'
                 f'<text x="{label_w}" y="{axis_y + 16}">0%</text>'
                 f'<text x="{label_w + bar_w}" y="{axis_y + 16}" text-anchor="end">{pct(top)}</text>')
    return (f'<svg class="chart" role="img" aria-labelledby="shares-title" viewBox="0 0 {label_w + bar_w + 80} '
            f'{height}" width="100%"><title id="shares-title">Aandeel vacatures met een bevinding per grond, '
            f'met 95%-interval</title>{"".join(parts)}</svg>')


def _share_table(rows: list[tuple[str, dict]], caption: str) -> str:
    body = "".join(
        f'<tr><th scope="row">{label}</th><td class="num">{_n(e["ads"])}</td><td class="num">{pct(e["share"])}</td>'
        f'<td class="num">{interval(e)}</td></tr>' for label, e in rows)
    return (f'<table><caption class="muted">{esc(caption)}</caption><thead><tr><th scope="col">Grond</th>'
            '<th scope="col" class="num">vacatures</th><th scope="col" class="num">aandeel</th>'
            f'<th scope="col" class="num">95%-interval</th></tr></thead><tbody>{body}</tbody></table>')


def _trend(label: str, groups: dict, cats: list[str]) -> str:
    months = [m for m in groups if m[:1].isdigit()]
    if len(months) < 1:
        return ""
    width, height, left, bottom = 680, 260, 50, 40
    top_share = max([groups[m]["categories"][c]["share"] or 0 for m in months for c in cats] + [0.01])
    step = (width - left - 50) / max(1, len(months) - 1)

    def x(i: int) -> float:
        return left + (i * step if len(months) > 1 else (width - left) / 2)

    def y(value: float) -> float:
        return height - bottom - (height - bottom - 10) * value / top_share

    lines = []
    for cat in cats:
        points = [(x(i), y(groups[m]["categories"][cat]["share"] or 0)) for i, m in enumerate(months)]
        if not any(groups[m]["categories"][cat]["ads"] for m in months):
            continue
        colour = CATEGORY_STYLE.get(cat, OTHER_STYLE)[1]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        dots = "".join(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in points)
        lines.append(f'<g><title>{esc(category_label(cat))}</title><polyline points="{path}" fill="none" '
                     f'stroke="{colour}" stroke-width="2"/>{dots}</g>')
    ticks = "".join(f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle">{esc(m)}</text>'
                    for i, m in enumerate(months))
    axis = (f'<line class="axis" x1="{left}" x2="{width - 10}" y1="{height - bottom}" y2="{height - bottom}"/>'
            f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end">0%</text>'
            f'<text x="{left - 6}" y="16" text-anchor="end">{pct(top_share)}</text>')
    svg = (f'<svg class="chart" role="img" aria-label="Trend per maand ({esc(label)})" viewBox="0 0 {width} '
           f'{height}" width="100%">{axis}{ticks}{"".join(lines)}</svg>')
    head = "".join(f'<th scope="col" class="num">{_short(c)}</th>' for c in cats)
    rows = "".join(
        f'<tr><th scope="row">{esc(m)}</th><td class="num">{_n(groups[m]["audited"])}</td>'
        f'<td class="num">{pct(groups[m]["with_findings"]["share"])}</td>'
        + "".join(f'<td class="num" title="95%-interval {interval(groups[m]["categories"][c])}">'
                  f'{pct(groups[m]["categories"][c]["share"])}</td>' for c in cats) + "</tr>"
        for m in months)
    table = (f'<div class="table-wrap"><table><caption class="muted">Aandeel per maand ({esc(label)})</caption>'
             '<thead><tr><th scope="col">Maand</th><th scope="col" class="num">vacatures</th>'
             f'<th scope="col" class="num">met bevinding</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>')
    legend = '<ul class="legend">' + "".join(f"<li>{_swatch(c)}</li>" for c in cats) + "</ul>"
    return f"<h3>Trend per maand: {esc(label)}</h3>{svg}{legend}{table}"


def _short(category: str) -> str:
    return f'<span class="swatch" data-cat="{esc(category)}" title="{esc(category_label(category))}">{esc(category)}</span>'


def _breakdown(label: str, groups: dict, cats: list[str]) -> str:
    if label.endswith((":month", ":year")):  # periods in time order
        ordered = sorted(groups.items())
    else:
        ordered = sorted(groups.items(), key=lambda kv: (-kv[1]["ads"], kv[0]))
    shown = ordered[:MAX_GROUP_ROWS]
    head = "".join(f'<th scope="col" class="num">{_short(c)}</th>' for c in cats)
    rows = "".join(
        f'<tr><th scope="row">{esc(key)}</th><td class="num">{_n(g["ads"])}</td><td class="num">{_n(g["failed"])}'
        f'</td><td class="num">{pct(g["with_findings"]["share"])}<br><span class="muted">'
        f'{interval(g["with_findings"])}</span></td>'
        + "".join(f'<td class="num">{pct(g["categories"][c]["share"])}<br><span class="muted">'
                  f'{interval(g["categories"][c])}</span></td>' for c in cats) + "</tr>"
        for key, g in shown)
    more = (f'<p class="muted">De eerste {len(shown)} van {len(ordered)} waarden; alle staan in summary.json.</p>'
            if len(ordered) > len(shown) else "")
    return (f'<h3>Per {esc(label)}</h3><div class="table-wrap"><table><thead><tr><th scope="col">{esc(label)}</th>'
            '<th scope="col" class="num">vacatures</th><th scope="col" class="num">niet gecontroleerd</th>'
            f'<th scope="col" class="num">met bevinding (95%)</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f"</div>{more}")


def _wording(summary: dict) -> str:
    rules = sorted(summary["findings"]["per_rule"].items(), key=lambda kv: (-kv[1]["findings"], kv[0]))
    if not rules:
        return '<p class="muted">Geen bevindingen.</p>'
    items = []
    for rule, entry in rules:
        words = "".join(f'<li><span class="quote">{esc(w["text"])}</span> <span class="muted">({_n(w["count"])}×)'
                        "</span></li>" for w in summary["wording"].get(rule, []))
        items.append(f'<tr><th scope="row">{esc(rule)} {esc(entry["name"])}<br>{_swatch(entry["category"])}</th>'
                     f'<td class="num">{_n(entry["findings"])}</td><td class="num">{_n(entry["ads"])}</td>'
                     f'<td><ol class="wording">{words}</ol></td></tr>')
    return ('<div class="table-wrap"><table><thead><tr><th scope="col">Regel</th><th scope="col" class="num">'
            'bevindingen</th><th scope="col" class="num">vacatures</th><th scope="col">meest gevonden formulering'
            f'</th></tr></thead><tbody>{"".join(items)}</tbody></table></div>')


def _failed(summary: dict) -> str:
    reasons = summary["failed_by_reason"]
    if not reasons:
        return '<p class="muted">Alle vacatures zijn gecontroleerd.</p>'
    rows = "".join(f'<tr><th scope="row">{esc(kind)}</th><td>{esc(ERROR_KINDS.get(kind, ""))}</td>'
                   f'<td class="num">{_n(n)}</td></tr>' for kind, n in reasons.items())
    return ('<table><thead><tr><th scope="col">Reden</th><th scope="col">Betekenis</th><th scope="col" class="num">'
            f'vacatures</th></tr></thead><tbody>{rows}</tbody></table><p class="muted">Per vacature: kolom '
            '<code>error</code> in ads.parquet.</p>')


def render(summary: dict, title: str = "Vacaturelint-audit") -> str:
    css = CSS + EXTRA_CSS + _swatch_css()
    ads = summary["ads"]
    overall = summary["shares"]["with_findings"]
    cats = _shown_categories(summary)
    category_rows = [(_swatch(c), summary["shares"]["categories"][c]) for c in cats]
    severity_rows = [(esc(LABELS_NL.get(s, s)), summary["shares"]["severities"][s]) for s in COUNT_SEVERITIES]
    trends = "".join(_trend(label, groups, cats) for label, groups in summary["by"].items()
                     if label.endswith(":month"))
    breakdowns = "".join(_breakdown(label, groups, cats) for label, groups in summary["by"].items())
    feeds = ", ".join(summary.get("feeds", []))
    info = (f"{_n(ads['total'])} vacatures uit {feeds}; model '{summary.get('model', '')}'; "
            f"vacaturelint {__version__}; {summary.get('generated', '')}.")
    return (
        document_start(title, css=css)
        + header_start(title, info)
        + '<p class="meta">Een bevinding is een risico op verboden onderscheid, geen oordeel. Aandelen gaan over de '
        "gecontroleerde vacatures; het 95%-interval (Wilson) geeft de onzekerheid door het aantal vacatures, niet "
        "die van de detector zelf (zie de precisie en recall in de README).</p></header><main>"
        '<section aria-labelledby="totals-title"><h2 id="totals-title">Totaal</h2><ul class="cards">'
        f"<li>vacatures<strong>{_n(ads['total'])}</strong></li>"
        f"<li>gecontroleerd<strong>{_n(ads['audited'])}</strong></li>"
        f"<li>niet gecontroleerd<strong>{_n(ads['failed'])}</strong></li>"
        f"<li>bevindingen<strong>{_n(summary['findings']['total'])}</strong></li>"
        f"<li>met ≥ 1 bevinding<strong>{pct(overall['share'])}</strong><span class=\"muted\">95%: "
        f"{interval(overall)}</span></li></ul></section>"
        '<section aria-labelledby="grounds-title"><h2 id="grounds-title">Aandeel vacatures met een bevinding per '
        f"grond</h2>{_bar_chart(summary)}"
        f"{_share_table(category_rows, 'Vacatures met ten minste één bevinding per grond, met 95%-interval')}"
        f"<h3>Per ernst</h3>{_share_table(severity_rows, 'Vacatures met ten minste één bevinding van deze ernst')}"
        "</section>"
        + (f'<section aria-labelledby="trend-title"><h2 id="trend-title">Trend</h2>{trends}</section>' if trends else "")
        + (f'<section aria-labelledby="by-title"><h2 id="by-title">Uitsplitsing</h2>{breakdowns}</section>'
           if breakdowns else "")
        + '<section aria-labelledby="wording-title"><h2 id="wording-title">Meest gevonden formuleringen per regel'
        f"</h2>{_wording(summary)}</section>"
        f'<section aria-labelledby="failed-title"><h2 id="failed-title">Niet gecontroleerd</h2>{_failed(summary)}'
        "</section></main>"
        '<footer><p class="muted">Gegevens: findings.parquet (één rij per bevinding), ads.parquet (één rij per '
        "vacature), summary.json (deze cijfers).</p></footer></body></html>\n"
    )
