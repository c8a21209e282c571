"""The lexicon layer: every data table is clean and loaded by the one loader; the merged tables
(roles, organisation heads, place prefixes, word classes) say what they must."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
import regex

from vnextract import lexicon
from vnextract.lexicon import gazetteer, loader, organizations, roles, words
from vnextract.text import canonical_tones

SRC = Path(__file__).resolve().parent.parent / "src" / "vnextract"
TABLES = sorted(p.name for p in (SRC / "data").glob("*.tsv"))


def test_there_are_tables() -> None:
    assert {"roles.tsv", "organization_heads.tsv", "place_prefixes.tsv", "word_classes.tsv"} <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_table_is_clean(name: str) -> None:
    """NFC, a header with a gloss or source column, every row as wide as the header."""
    text = resources.files("vnextract.data").joinpath(name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    header, *rows = [line.split("\t") for line in text.splitlines()]
    assert {"gloss", "source"} & set(header), header
    assert rows
    assert [r for r in rows if len(r) != len(header)] == []
    assert len(lexicon.load_tsv(name)) == len(rows)  # the loader reads every row (no quoting)


@pytest.mark.parametrize(
    "text",
    [
        "word\tgloss\nphạt\tfine\n\nxử\tjudge\n",  # a blank line is skipped
        "word\tgloss\nphạt\nxử\tjudge\textra\n",  # a short row and a long one: csv's reading
        "\nword\tgloss\nphạt\tfine\n",  # an empty first line
        'word\tgloss\n"phạt"\t"fine\n',  # quotes are characters
    ],
)
def test_rows_are_read_as_csv_reads_them(text: str) -> None:
    expected = [dict(r) for r in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert [dict(r) for r in loader.read_rows(text)] == expected


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_read_as_csv_reads_them(name: str) -> None:
    """The loader's own split of a table (start-up time) gives csv's rows, columns in order."""
    with resources.files("vnextract.data").joinpath(name).open(encoding="utf-8") as handle:
        expected = [dict(r) for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    rows = lexicon.load_tsv(name)
    assert [dict(r) for r in rows] == expected
    assert [list(r) for r in rows] == [list(r) for r in expected]


@pytest.mark.parametrize("name", ["roles.tsv", "organization_heads.tsv", "place_prefixes.tsv"])
def test_keys_are_unique_and_canonical(name: str) -> None:
    keys = [next(iter(row.values())) for row in lexicon.load_tsv(name)]
    assert [k for k in set(keys) if keys.count(k) > 1] == []  # "Quốc hội" was listed twice
    assert [k for k in keys if canonical_tones(k) != k] == []


def test_data_is_read_only_by_the_loader() -> None:
    """No module opens a data table itself: csv and importlib.resources over vnextract.data are
    only in lexicon/loader.py (learned/model.py opens the packaged CRF models and their cards,
    files that are no table)."""
    readers = {
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if re.search(r'files\("vnextract(?:\.data)?"\)|csv\.DictReader', p.read_text(encoding="utf-8"))
    }
    assert readers == {"lexicon/loader.py", "learned/model.py"}


def test_every_word_class_is_used() -> None:
    """A class in word_classes.tsv that no module asks for is a dead table."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    asked = set(re.findall(r"""(?:(?:word|phrase)_class|alternation)\(["']([a-z_]+)["']""", code))
    classes = {row["class"] for row in lexicon.load_tsv("word_classes.tsv")}
    assert classes - asked == set()
    assert asked - classes == set()


def test_unknown_word_class_is_an_error() -> None:
    with pytest.raises(KeyError):
        words.word_class("no_such_class")


def test_roles_merge_titles_and_cues() -> None:
    by_role = {r.role: r for r in roles.role_rows()}
    assert by_role["Giám đốc"].title and by_role["Giám đốc"].cue and by_role["Giám đốc"].deputy
    assert by_role["Bị cáo"].kind == "case" and by_role["Bị cáo"].cue
    assert not by_role["vợ"].title and by_role["vợ"].cue  # a kinship word announces a name only
    assert roles.title_roles()["Phó Giám đốc"] == "business"
    assert ("phó", "giám", "đốc") in lexicon.person_cues()  # every casing of a cue
    # an abbreviation of several syllables keeps its case
    assert ("PGS", ".", "TS") in lexicon.person_cues() and ("pgs", ".", "ts") not in lexicon.person_cues()
    assert "đại sứ" in roles.roles_with("posted") and "trợ lý" in roles.roles_with("serving")
    assert {"học sinh", "sinh viên"} <= roles.roles_with("student")


def test_organization_heads_carry_their_properties() -> None:
    heads = lexicon.org_heads()
    assert heads[("Tỉnh", "ủy")].standalone and not heads[("Sở",)].standalone
    assert heads[("Bệnh", "viện")].numbered and heads[("Bệnh", "viện")].named_after_people
    assert heads[("Cục",)].body == "one_word" and heads[("Hội", "đồng")].body == "scope"
    assert heads[("Đại", "sứ", "quán")].at_place and heads[("Đại", "học")].place_named
    assert ("Công", "ty", "TNHH") not in heads  # a company form only the titles reader takes
    assert "Công ty TNHH" in organizations.title_reader_heads()



def test_the_gazetteer_of_organisations_says_which_names_stand_alone() -> None:
    """organizations_world.tsv: a name standing alone is an organisation unless it is also a
    city, a person's name or a word; those only the learned layer reads, in context."""
    world = lexicon.world_organizations()
    assert 2000 <= len(world) <= 3000
    assert {o.kind for o in world.values()} == {
        "company_world", "company_vn", "international", "media", "university", "band", "club"}
    assert world[("SpaceX",)] == lexicon.WorldOrganization("company_world", alone=True)
    assert world[("Liverpool",)] == lexicon.WorldOrganization("club", alone=False)  # also the city
    known = lexicon.known_organizations()
    assert {("SpaceX",), ("Interpol",), ("Vietlott",), ("WHO",)} <= known
    assert not {("Liverpool",), ("Valencia",), ("Delta",), ("Hòa", "Bình")} & known
    assert lexicon.listed_organizations() < known


def test_the_gazetteer_of_places_says_which_names_stand_alone() -> None:
    """places_world_more.tsv: a widely known place named bare is a place anywhere, unless it is
    also a person's name, a football club, a company or a word; those stay out of the rules."""
    world = lexicon.world_places()
    assert 2500 <= len(world) <= 3500
    assert world["Hormuz"] == lexicon.WorldPlace("eo biển", alone=True)
    assert world["Miến Điện"] == lexicon.WorldPlace("quốc gia", alone=True)
    assert not world["Hamilton"].alone  # also a racing driver
    assert not world["Leicester"].alone  # also a football club
    assert not world["Đà"].alone  # a river named alone only after "sông"
    places = lexicon.places()
    assert places[("Hormuz",)] == gazetteer.Place("eo biển", lexicon.TIER_BARE)
    assert ("Hamilton",) not in places and ("Leicester",) not in places
    # a commune that is a landmark too is taggable bare; a capital's place stays as it was
    assert places[("Lăng", "Cô")].tier == lexicon.TIER_BARE
    assert places[("Hà", "Nội")].kind == "thành phố"


def test_place_prefixes() -> None:
    prefixes = lexicon.place_prefixes()
    assert prefixes[("TP.",)].kind == "thành phố"  # "TP." as the scanner cuts "TP.HCM"
    assert prefixes[("tỉnh",)].span == "out" and prefixes[("TP",)].span == "in"
    assert prefixes[("Tỉnh",)].span == "in_mid_sentence" and prefixes[("quận",)].numbered
    by_kind: dict[str, set[tuple[bool, bool]]] = {}
    for p in prefixes.values():
        by_kind.setdefault(p.kind, set()).add((p.numbered, p.administrative))
    assert {k: v for k, v in by_kind.items() if len(v) > 1} == {}  # kind-level columns agree


def test_places_and_names() -> None:
    assert lexicon.places()[("Bình", "Dương")] == gazetteer.Place("tỉnh", lexicon.TIER_BARE)
    assert lexicon.surnames()["Nguyễn"] > 30
    assert "bà" in lexicon.honorifics() and lexicon.honorific_genders()["bà"] == "female"
    assert "Vladimir" in lexicon.foreign_given_names()
    assert lexicon.key("UBND tỉnh Bình Dương") == ("UBND", "tỉnh", "Bình", "Dương")


def test_kinds_of_place_and_the_words_for_them() -> None:
    kinds = gazetteer.place_kinds()
    assert kinds["thành phố"].levels == {"province", "district"} and kinds["xã"].levels == {"commune"}
    assert kinds["đường"].named_after_people and not kinds["đường"].levels
    assert kinds["núi"].region and not kinds["tỉnh"].region
    type_words = {row["word"]: row["kind"] for row in lexicon.load_tsv("place_type_words.tsv")}
    assert type_words["huyện đảo"] == type_words["h"] == "huyện"
    assert set(type_words.values()) <= set(kinds)


def test_honorifics_of_the_boss_and_word_classes_as_alternations() -> None:
    from vnextract.lexicon.names import honorifics_where

    assert honorifics_where("boss") == {"ông", "bà", "anh", "chị", "cô"}  # "ông chủ" = the boss
    alternatives = words.alternation("change_verb").split("|")
    assert alternatives[0] == r"điều\ chỉnh"  # longest first, its space escaped
    assert {"tăng", "giảm"} <= set(alternatives)
    school = words.alternation("school_word", r"\s+")
    assert regex.fullmatch(f"(?:{school})", "đại  học")
