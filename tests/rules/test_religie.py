"""religie (RLG) rules on the real pipeline: faith requirements (lower severity
at a denominational school) and dress rules."""

from __future__ import annotations

from tests.rules.conftest import by_rule


def test_faith_requirement_is_info_at_a_denominational_school(linter):
    school = (
        "Onderwijsassistent\n\nJe wilt vanuit je christelijke identiteit bijdragen aan de ontwikkeling van kinderen.\n\n"
        "Over ons\nWij zijn een vereniging voor protestants christelijk onderwijs.\n"
    )
    company = "Accountmanager\n\nJe wilt vanuit je christelijke identiteit bijdragen aan onze groei.\n"
    assert [f.severity for f in by_rule(linter, school, "RLG002")] == ["info"]
    assert [f.severity for f in by_rule(linter, company, "RLG002")] == ["error"]


def test_neutral_dress_rule_is_an_indirect_warning(linter):
    found = by_rule(linter, "In de winkel draag je geen hoofddeksels of religieuze symbolen.", "RLG001")
    assert [(f.text, f.severity) for f in found] == [("geen hoofddeksels", "warning")]


def test_a_belief_the_candidate_must_have_is_found_not_the_organisations_identity(linter):
    ad = (
        "Woonbegeleider\n\nVanuit een christelijke motivatie verlenen wij hulp aan kwetsbare mensen.\n\n"
        "Jij hebt een positief christelijke geloofsovertuiging en kunt onze doelstelling onderschrijven.\n"
        "Reageer alleen als je voldoet aan de opleidingseisen en een christelijke levensovertuiging hebt.\n"
        "Je begeleidt cliënten die een christelijke achtergrond hebben.\n"
    )
    found = by_rule(linter, ad, "RLG002")
    assert [f.text for f in found] == ["Jij hebt een positief christelijke geloofsovertuiging",
                                       "een christelijke levensovertuiging hebt"]
    # the organisation says it works from a Christian motivation: a hint to check the demand
    assert {f.severity for f in found} == {"info"}
    plain = by_rule(linter, "Accountmanager\n\nJij hebt een christelijke levensovertuiging.\n", "RLG002")
    assert [f.severity for f in plain] == ["error"]
