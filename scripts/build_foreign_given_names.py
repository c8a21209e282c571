"""Write src/vnextract/data/foreign_given_names_faker.tsv: the given names of Faker's locales.

    pip install faker        # a build-time tool only, not a dependency of vnextract
    python scripts/build_foreign_given_names.py [--check]

Faker (MIT licence) ships lists of common first names for some eighty locales. This script
takes every first name written in Latin letters (the romanised lists where a locale has them:
"first_romanized_names" of ja_JP and zh_CN), one word of at least three letters, and leaves
out what would make a name of something else:

- a word that can be one Vietnamese syllable ("Long", "Lan", "Kim", "Tom": a Vietnamese word
  or given name would then start a foreign person),
- a place name or a known organisation of our tables ("Victoria", "Chelsea"),
- a common English word (Faker's English lorem word list: "Will", "Hope"), a role or a word of
  the stop lists;
- a name of one locale's list only (most of them rare: Faker's "en" list alone has 6,800),
  unless the locale is one whose names Vietnamese news writes often and that has few of them
  in several lists (Thai, Japanese, Chinese, Korean, Indonesian, Indian: ``ASIAN_LOCALES``).

The hand list (foreign_given_names.tsv) is left as it is; names it has are not repeated.
``lexicon.foreign_given_names()`` reads both tables; the learned layer's feature reads the hand
list only (the shipped models were trained with it). Deterministic: the same Faker version
gives the same table. ``--check`` prints how many rows would be written.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import unicodedata
from pathlib import Path

import regex

from vnextract import lexicon
from vnextract.lexicon.gazetteer import place_names
from vnextract.text.spelling import looks_foreign

DATA = Path(__file__).resolve().parent.parent / "src" / "vnextract" / "data"
HAND = DATA / "foreign_given_names.tsv"
OUT = DATA / "foreign_given_names_faker.tsv"
#: One capitalised word in Latin letters (accents and an inner apostrophe or hyphen allowed).
LATIN_NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]++(?:['’-]\p{Lu}?[\p{Ll}\p{M}]++)?+")
SOURCE = "Faker first names (MIT licence): {locales}"
#: Locales whose romanised names Vietnamese news often writes, kept even when one list has them.
ASIAN_LOCALES = frozenset({"en_TH", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "id_ID", "en_IN"})
#: How many locales a source cell names before it says "…".
_SHOWN = 4


def _is_latin(word: str) -> bool:
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in word)


def faker_given_names() -> dict[str, set[str]]:
    """Every one-word Latin-script first name of Faker's person providers → its locales."""
    from faker.providers import person  # a build-time tool: pip install faker

    names: dict[str, set[str]] = {}
    for info in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if info.name.startswith("vi"):
            continue  # Vietnamese names are read by their own grammar
        provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        for attr in sorted(dir(provider)):
            if not (attr.startswith("first_") and "name" in attr):
                continue
            value = getattr(provider, attr)
            if callable(value) or isinstance(value, (str, property)):
                continue
            for name in value:
                if (
                    isinstance(name, str)
                    and LATIN_NAME.fullmatch(name)
                    and len(name) >= 3
                    and _is_latin(name)
                ):
                    names.setdefault(name, set()).add(info.name)
    return names


def _english_words() -> frozenset[str]:
    from faker.providers.lorem.en_US import Provider as Lorem

    return frozenset(w.casefold() for w in Lorem.word_list)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only count the rows that would be added")
    args = ap.parse_args()
    lines = HAND.read_text(encoding="utf-8").splitlines()
    header, hand = lines[0], [line for line in lines[1:] if line.strip()]
    have = {r.split("\t")[0] for r in hand}
    places = {p.casefold() for p in place_names()}
    orgs = {" ".join(k).casefold() for k in lexicon.known_organizations()}
    roles = {r.role.casefold() for r in lexicon.role_rows()}
    stops = {" ".join(k).casefold() for k in lexicon.stopwords()}
    common = _english_words() | stops | set(lexicon.common_words())
    added = []
    for name, locales in sorted(faker_given_names().items()):
        folded = name.casefold()
        if name in have or not looks_foreign(name):
            continue
        if folded in places or folded in orgs or folded in roles or folded in common:
            continue
        if len(locales) < 2 and not locales & ASIAN_LOCALES:
            continue
        shown = sorted(locales)[:_SHOWN]
        cell = ", ".join(shown) + (f" and {len(locales) - _SHOWN} more" if len(locales) > _SHOWN else "")
        added.append(f"{name}\t{SOURCE.format(locales=cell)}")
    print(f"{len(hand)} hand-listed names; {len(added)} from Faker -> {OUT.name}")
    if not args.check:
        OUT.write_text("\n".join([header, *added]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
