#!/usr/bin/env python
"""Derive the profession/person-noun lexicon (persons.txt) from the UD Dutch treebanks.

    python -m vacaturelint.rules.lexicon.build [TREEBANK_DIR] [-o persons.txt]

TREEBANK_DIR defaults to ../shared/models/ud-dutch (every *.conllu under it). A noun
lemma (UPOS NOUN) is kept when its form says it names a person:

- a deverbal agent noun: lemma = verb stem + ``er``/``aar``/``ster`` where the verb
  lemma (verb stem + ``en``) occurs in the treebanks (verkoper <- verkopen,
  schrijver <- schrijven, bakker <- bakken, leraar <- leren);
- a person suffix: -eur, -ist, -kundige, -loog, -arts, -aris, -enier, -icus, -man,
  -vrouw, -medewerker, -kracht, -ster, -trice, -ant, -ator, -iteur, -ling, -genoot, minus
  the non-person nouns in ``NOT_PERSONS`` (kleur, lijst, restaurant, moment, ...);
- a person-noun antecedent: the noun heads a relative clause opened by "die"/"wie"
  whose verb is a person verb (zeggen, werken, wonen, ...), at least three times.

It also writes verbs.txt: the verb lemmas in -en, which annotate.py uses to
recognise agent nouns at run time (bezorger <- bezorgen). Only lemmas are written (no treebank text). The output is sorted, one lemma a line.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

SUFFIXES = (
    "eur", "euse", "ist", "iste", "kundige", "loog", "loge", "arts", "aris", "enier", "icus", "man", "vrouw",
    "medewerker", "medewerkster", "kracht", "ster", "trice", "ant", "ator", "iteur", "ling", "genoot", "leider",
    "meester", "houder", "hebber", "nemer", "gever", "voerder", "werker", "jongen", "meisje",
)
NOT_PERSONS = {
    # -eur, -ist, -ier, -or, -ant, -ent, -ling, -man, -ster words that name no person
    "kleur", "deur", "geur", "keur", "humeur", "interieur", "exterieur", "niveau", "lijst", "list", "twist",
    "kist", "mist", "rist", "vlies", "papier", "manier", "dossier", "plezier", "kwartier", "hier", "bier",
    "vizier", "atelier", "sanitair", "restaurant", "moment", "procent", "percent", "element", "argument",
    "document", "instrument", "monument", "continent", "talent", "patent", "accent", "segment", "cement",
    "parlement", "regiment", "ornament", "sacrament", "testament", "fundament", "experiment", "departement",
    "evenement", "abonnement", "compliment", "supplement", "tournament", "component", "client", "garant",
    "krant", "kant", "plant", "tand", "diamant", "variant", "consonant", "sector", "factor", "motor",
    "vector", "tractor", "reactor", "terror", "horror", "kantoor", "corridor", "tumor", "humor", "color",
    "decor", "interior", "major", "meteor", "mirror", "error", "doctor", "junior", "senior", "indicator",
    "generator", "radiator", "processor", "monitor", "compressor", "transistor", "collector", "accumulator",
    "calculator", "ventilator", "roman", "talisman", "ottoman", "caiman", "kaaiman", "cyclus", "mens",
    "venster", "register", "monster", "klooster", "meester", "oester", "zuster", "leling", "sterling",
    "afdeling", "regeling", "verzameling", "ontwikkeling", "instelling", "vestiging", "opleiding", "leiding",
    "verhouding", "omgeving", "aflevering", "beweging", "beslissing", "stelling", "telling", "wandeling",
    "zending", "ketting", "woning", "koning", "honing", "nering", "toelating", "ligging", "aanbieding",
    "ring", "ding", "ling", "sling", "viering", "regering", "vergadering", "verandering", "werking",
    "kracht", "werkkracht", "macht", "vracht", "drukker", "lever", "orkest", "feest", "geest", "gist",
    "pist", "kust", "rust", "lust", "borst", "korst", "worst", "dorst", "vorst", "ijver",
    "koepel", "kermis", "vuurtoren", "brug", "man", "vrouw", "terreur", "vuist", "duister", "kwadrant",
    "inhibitor", "determinant", "reactant", "restant", "rooster", "trekpleister", "vibrator", "alligator", "pacemaker", "lessenaar",
}
PERSON_VERBS = {"zeggen", "werken", "wonen", "vertellen", "verklaren", "denken", "vinden", "schrijven", "leven",
                "overlijden", "sterven", "spreken", "geven", "krijgen", "willen", "studeren", "winnen", "spelen"}


def _read(paths):
    """Sentences as lists of (id, form, lemma, upos, head, deprel)."""
    for path in paths:
        sentence = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 8 or not cols[0].isdigit():
                continue
            sentence.append((int(cols[0]), cols[1], cols[2].lower(), cols[3], int(cols[6] or 0), cols[7]))
        if sentence:
            yield sentence


def verb_lemmas(paths) -> list[str]:
    """Lemmas of verbs (UPOS VERB) ending in -en: the stems of deverbal agent nouns."""
    verbs = {lemma for sentence in _read(paths) for _, _, lemma, upos, _, _ in sentence
             if upos == "VERB" and re.fullmatch(r"[a-zëéèïöü]{4,}en", lemma)}
    return sorted(verbs)


def derive(paths) -> list[str]:
    nouns: Counter[str] = Counter()
    verbs: set[str] = set()
    antecedents: Counter[str] = Counter()
    for sentence in _read(paths):
        by_id = {t[0]: t for t in sentence}
        for tid, _form, lemma, upos, head, deprel in sentence:
            if upos == "NOUN" and re.fullmatch(r"[a-zëéèïöüáàç'-]{3,}", lemma):
                nouns[lemma] += 1
            elif upos in ("VERB", "AUX"):
                verbs.add(lemma)
            relative = deprel.startswith("acl:relcl") and head in by_id and by_id[head][3] == "NOUN"
            if relative and lemma in PERSON_VERBS and any(t[4] == tid and t[2] in ("die", "wie") for t in sentence):
                antecedents[by_id[head][2]] += 1
    stems = {v[:-2] for v in verbs if v.endswith("en") and len(v) > 4}
    stems |= {v[:-1] for v in verbs if v.endswith(("ën", "ien")) and len(v) > 4}
    kept = set()
    for lemma in nouns:
        if lemma in NOT_PERSONS or any(lemma.endswith(x) and len(lemma) > len(x) + 4 for x in
                                       ("ing", "heid", "schap", "isme", "teit", "tie")):
            continue
        agent = (lemma.endswith("er") and lemma[:-2] in stems) or (lemma.endswith("aar") and lemma[:-3] + "en" in verbs) \
            or (lemma.endswith("ster") and (lemma[:-4] in stems or lemma[:-4] + "er" in kept))
        suffix = any(lemma.endswith(s) and len(lemma) > len(s) + 1 for s in SUFFIXES) and not any(
            lemma.endswith(n) for n in NOT_PERSONS if len(n) >= 4)
        if agent or suffix or antecedents[lemma] >= 3:
            kept.add(lemma)
    return sorted(kept)


def main(argv=None) -> int:
    here = Path(__file__).resolve()
    parser = argparse.ArgumentParser(description="Bouw persons.txt uit de UD-treebanks.")
    parser.add_argument("treebanks", nargs="?", default=str(here.parents[4] / "shared" / "models" / "ud-dutch"))
    parser.add_argument("-o", "--output", default=str(here.parent / "persons.txt"))
    args = parser.parse_args(argv)
    paths = sorted(Path(args.treebanks).rglob("*.conllu"))
    if not paths:
        parser.error(f"geen .conllu-bestanden in {args.treebanks}")
    words = derive(paths)
    Path(args.output).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} lemma's uit {len(paths)} treebankbestanden -> {args.output}")
    verbs = verb_lemmas(paths)
    verbs_path = Path(args.output).with_name("verbs.txt")
    verbs_path.write_text("\n".join(verbs) + "\n", encoding="utf-8")
    print(f"{len(verbs)} werkwoordlemma's -> {verbs_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
