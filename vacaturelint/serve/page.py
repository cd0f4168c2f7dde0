"""The web page: HTML here, its stylesheet and script in ``static/``.

It looks like the HTML report: the report's CSS, category tints and severity
underlines are imported, not copied, so page and report stay alike. The page is
self-contained (no CDN, no fonts, no images) and served with a strict
Content-Security-Policy: only its own script and stylesheet, and requests to this
server only. All user text is put in the page by the script as text nodes; the
HTML below contains no user data.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from vacaturelint.htmlreport.assets import CATEGORY_STYLE, CSS, category_css
from vacaturelint.htmlreport.document import document_start, esc
from vacaturelint.severity import LABELS_NL

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'none'; "
       "font-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'; "
       "base-uri 'none'; frame-ancestors 'none'")


def _static(name: str) -> str:
    return resources.files("vacaturelint.serve").joinpath("static", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def assets() -> dict[str, tuple[str, str]]:
    return {
        "page.css": (CSS + category_css() + "\n" + _static("page.css"), "text/css; charset=utf-8"),
        "page.js": (_static("page.js"), "text/javascript; charset=utf-8"),
    }


def asset(name: str) -> tuple[str, str] | None:
    """(body, media type) of a static asset, or None."""
    return assets().get(name)


def _legend() -> str:
    cats = "".join(f'<li><span class="swatch" data-cat="{esc(c)}" data-label="{esc(label)}">{esc(label)}</span></li>'
                   for c, (_, _, label) in CATEGORY_STYLE.items())
    sevs = "".join(
        f'<li data-sev="{esc(sev)}" data-label="{esc(LABELS_NL[sev])}"><span class="hl sev-{esc(sev)}" '
        f'data-label="{esc(LABELS_NL[sev])}">{esc(shape)}</span> {esc(text)}</li>'
        for sev, shape, text in (
            ("error", "onderstreept", "fout: risico op direct onderscheid"),
            ("warning", "gestreept", "waarschuwing: indirect onderscheid, alleen met goede reden"),
            ("info", "gestippeld", "info: tip"),
        ))
    return (f'<ul class="legend" id="category-legend">{cats}</ul>'
            f'<ul class="legend" id="severity-legend">{sevs}</ul>')


def html(token_required: bool = False) -> str:
    token_box = (
        '<form id="token-form" class="token-box"' + ("" if token_required else " hidden") + '>'
        '<label for="token">Toegangstoken</label> '
        '<input id="token" type="password" autocomplete="off" spellcheck="false"> '
        '<button type="submit">Gebruik token</button>'
        '<span class="muted"> Het token blijft in deze pagina; het wordt nergens opgeslagen.</span></form>'
    )
    return (
        document_start("Vacaturelint: vacaturetekst controleren", stylesheet="/assets/page.css")
        + '<header><h1>Vacaturelint</h1>'
        '<p class="meta">Plak of typ een vacaturetekst. Na een korte pauze in het typen worden woorden '
        "gemarkeerd die kunnen uitsluiten, met uitleg, wettelijke grond en suggesties. Er wordt niets "
        "op de server bewaard.</p>"
        '<p id="status" class="status" role="status" aria-live="polite" data-state="loading">model laden...</p>'
        "</header><main>"
        f"{token_box}"
        '<div class="toolbar">'
        '<label for="kind">Formaat</label> <select id="kind">'
        '<option value="plain">platte tekst</option><option value="markdown">Markdown</option>'
        '<option value="html">HTML</option></select>'
        '<button type="button" id="copy">Kopieer verbeterde tekst</button>'
        '<span id="applied" class="muted" aria-live="polite"></span>'
        "</div>"
        '<div class="panes">'
        '<section class="pane" aria-labelledby="editor-title"><h2 id="editor-title">'
        '<label for="editor">Vacaturetekst</label></h2>'
        '<textarea id="editor" lang="nl" spellcheck="true" rows="18" '
        'placeholder="Plak of typ hier de vacaturetekst..."></textarea></section>'
        '<section class="pane" aria-labelledby="marked-title"><h2 id="marked-title">Tekst met markeringen</h2>'
        '<p class="muted">Tab naar een markering en druk op Enter voor de uitleg en suggesties.</p>'
        '<div id="marked" class="text" lang="nl" aria-busy="false"></div></section>'
        "</div>"
        '<section aria-labelledby="summary-title"><h2 id="summary-title">Samenvatting per categorie</h2>'
        '<div id="summary"><p class="muted">Nog geen tekst gecontroleerd.</p></div></section>'
        '<section aria-labelledby="findings-title"><h2 id="findings-title" tabindex="-1">Bevindingen</h2>'
        '<ol id="findings" class="findings"></ol></section>'
        f'<section aria-label="Legenda"><h2>Legenda</h2>{_legend()}</section>'
        '<p class="meta">Een markering is een risico op verboden onderscheid, geen oordeel: de uitleg noemt '
        "de wettelijke grond. Oordelen van het College voor de Rechten van de Mens zijn niet bindend.</p>"
        '</main><script src="/assets/page.js"></script></body></html>\n'
    )
