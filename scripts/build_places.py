"""Build src/vnextract/data/places_vn.tsv from the vietnamadminunits package (MIT).

Run once, by hand, with the package importable from a scratch directory (it is NOT a runtime
dependency of vnextract):

    pip install --no-deps --target /tmp/vau vietnamadminunits==1.0.4
    python scripts/build_places.py /tmp/vau/vietnamadminunits/data/dataset.db

The data set holds the legacy units (63 provinces, ~700 districts, ~10,000 wards/communes as
used in news before July 2025) and the 2025 units (34 provinces, ~3,300 wards/communes, no
district level). Both eras are written, each row tagged with its era.
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from pathlib import Path

SOURCE_KEY = "vietnamadminunits-1.0.4 (MIT)"
OUT = Path(__file__).resolve().parent.parent / "src" / "vnextract" / "data" / "places_vn.tsv"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def kind_of(full: str, short: str) -> str:
    """'Tỉnh Bình Dương', 'Bình Dương' → 'tỉnh'."""
    prefix = full[: len(full) - len(short)].strip() if full.endswith(short) else full.split()[0]
    return prefix.lower() or "?"


def main(db_path: str) -> None:
    con = sqlite3.connect(db_path)
    rows: dict[tuple[str, str, str, str], None] = {}
    for prov, dist, ward, ps, ds, ws, dtype, wtype in con.execute(
        "select province, district, ward, provinceShort, districtShort, wardShort, districtType, wardType"
        " from admin_units_legacy"
    ):
        rows[(nfc(ps), kind_of(nfc(prov), nfc(ps)), "", "legacy")] = None
        if ds:
            rows[(nfc(ds), (dtype or "").lower() or kind_of(nfc(dist), nfc(ds)), nfc(ps), "legacy")] = None
        if ws:
            rows[(nfc(ws), (wtype or "").lower() or kind_of(nfc(ward), nfc(ws)), nfc(ps), "legacy")] = None
    for prov, ward, ps, ws, wtype in con.execute(
        "select province, ward, provinceShort, wardShort, wardType from admin_units"
    ):
        rows[(nfc(ps), kind_of(nfc(prov), nfc(ps)), "", "2025")] = None
        if ws:
            rows[(nfc(ws), (wtype or "").lower() or kind_of(nfc(ward), nfc(ws)), nfc(ps), "2025")] = None
    with OUT.open("w", encoding="utf-8") as f:
        f.write("name\tkind\tprovince\tera\tsource\n")
        for name, kind, parent, era in sorted(rows):
            f.write(f"{name}\t{kind}\t{parent}\t{era}\t{SOURCE_KEY}\n")
    print(f"{len(rows)} rows → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
