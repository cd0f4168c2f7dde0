"""Engine-level rules about the file itself (suppressions, comments), not wording.

They use the category ``suppressie``, outside the seven legal categories.
"""

from __future__ import annotations

from vacaturelint.rules.model import Example, Rule

META_CATEGORY = "suppressie"


def _rule(rid, name, severity, message, explanation, bad, good) -> Rule:
    return Rule(
        id=rid, name=name, category=META_CATEGORY, severity=severity, message=message,
        explanation=explanation, suggestions=(), legal={"ground": "", "distinction": "none", "refs": [
            "Geen wettelijke grond: controle op het gebruik van vacaturelint zelf"], "oordelen": []},
        clauses=(), bad_examples=(Example(bad),), good_examples=(Example(good),), source="(ingebouwd)",
    )


REASON_MISSING = _rule(
    "VLT001", "suppressie-zonder-reden", "warning",
    "Onderdrukking zonder reden: schrijf na '--' waarom deze tekst gerechtvaardigd is.",
    "Een uitzondering op een regel moet te verantwoorden zijn (legitiem doel, passend en noodzakelijk "
    "middel). Noteer die rechtvaardiging in de onderdrukking, zodat een collega of toezichthouder kan "
    "zien waarom de tekst toch zo is gebleven.",
    "<!-- vacaturelint-disable-next-line LFT002 -->",
    "<!-- vacaturelint-disable-next-line LFT002 -- Alcoholwet: minimumleeftijd 18 -->",
)
UNKNOWN_SELECTOR = _rule(
    "VLT002", "onbekende-regel-in-suppressie", "warning",
    "Onderdrukking noemt '{match}', maar zo'n regel of categorie bestaat niet.",
    "Een onderdrukking werkt alleen voor bestaande regel-id's, regelnamen of categorieën. Controleer de "
    "spelling met 'vacaturelint rules'.",
    "<!-- vacaturelint-disable-next-line XYZ999 -- reden -->",
    "<!-- vacaturelint-disable-next-line LFT002 -- reden -->",
)
NO_SELECTOR = _rule(
    "VLT003", "suppressie-zonder-regel", "warning",
    "Onderdrukking noemt geen regel: geef een regel-id, regelnaam of categorie op.",
    "Alleen 'vacaturelint-disable-file' mag zonder regel; andere onderdrukkingen moeten zeggen welke "
    "regel ze uitzetten, zodat niet per ongeluk alles verdwijnt.",
    "<!-- vacaturelint-disable -- reden -->",
    "<!-- vacaturelint-disable leeftijd -- reden -->",
)
UNCLOSED_COMMENT = _rule(
    "VLT004", "onafgesloten-commentaar", "warning",
    "HTML-commentaar zonder afsluitende '-->': de rest van het bestand is niet gecontroleerd.",
    "Alles na '<!--' tot '-->' is commentaar en wordt niet gepubliceerd of gecontroleerd. Zonder "
    "afsluiting valt de rest van het bestand weg.",
    "<!-- vergeten af te sluiten",
    "<!-- netjes afgesloten -->",
)
META_RULES = (REASON_MISSING, UNKNOWN_SELECTOR, NO_SELECTOR, UNCLOSED_COMMENT)
