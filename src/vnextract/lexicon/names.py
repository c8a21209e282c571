"""Lexicons of person names: surnames, honorifics and their genders, foreign and Vietnamese given
names."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from vnextract.lexicon.loader import load_tsv, norm

Gender = Literal["male", "female"]


@functools.cache
def surnames() -> Mapping[str, float]:
    """Surname → share of the population in percent ("Nguyễn" → 38.4; ``surnames.tsv``)."""
    return MappingProxyType({norm(r["surname"]): float(r["share_percent"]) for r in load_tsv("surnames.tsv")})


@functools.cache
def honorifics() -> frozenset[str]:
    """Lowercase honorifics: "ông", "bà", "anh", "chị" … (``honorifics.tsv``)."""
    return frozenset(norm(r["honorific"]) for r in load_tsv("honorifics.tsv"))


def honorifics_where(column: str) -> frozenset[str]:
    """The honorifics whose ``column`` of ``honorifics.tsv`` is "yes": ``honorifics_where("boss")``
    are those that make "chủ" (owner) a noun for the boss ("ông chủ")."""
    return frozenset(norm(r["honorific"]) for r in load_tsv("honorifics.tsv") if r[column] == "yes")


@functools.cache
def honorific_genders() -> Mapping[str, Gender]:
    """Honorific → the gender it implies: "bà" → "female" (``honorific_genders.tsv``)."""
    table: dict[str, Gender] = {}
    for row in load_tsv("honorific_genders.tsv"):
        if row["gender"] in ("male", "female"):
            table[row["honorific"]] = row["gender"]  # type: ignore[assignment]
    return MappingProxyType(table)


@functools.cache
def foreign_given_names() -> frozenset[str]:
    """Common foreign given names ("Bill", "Vladimir", "Leandro"): a run starting with one is a
    person. The hand list and the names of Faker's locales (foreign_given_names_faker.tsv,
    built by scripts/build_foreign_given_names.py)."""
    return hand_listed_foreign_given_names() | frozenset(
        norm(r["name"]) for r in load_tsv("foreign_given_names_faker.tsv")
    )


@functools.cache
def hand_listed_foreign_given_names() -> frozenset[str]:
    """The hand list of foreign given names alone: the learned layer's feature (its shipped
    models were trained with this list; a retrained model may read the whole one)."""
    return frozenset(norm(r["name"]) for r in load_tsv("foreign_given_names.tsv"))


@functools.cache
def given_names() -> frozenset[str]:
    """Vietnamese given-name syllables seen after a surname in news ("Văn", "Xuân", "Bắc"):
    built by scripts/build_given_names.py; the learned layer reads membership as a feature."""
    return frozenset(norm(r["name"]) for r in load_tsv("given_names.tsv"))
