"""Build the administrative-unit tables that resolve places (vnextract.places) from their sources.

Run once, by hand, with the sources importable from scratch directories (neither is a runtime
dependency of vnextract):

    pip install --no-deps --target /tmp/vau vietnamadminunits==1.0.4     # MIT
    pip install --no-deps --target /tmp/babel babel==2.18.0               # BSD-3; CLDR data: Unicode-3.0
    PYTHONPATH=/tmp/babel python scripts/build_admin_units.py /tmp/vau/vietnamadminunits/data

Writes, under src/vnextract/data/:

- ``admin_units_vn.tsv``        every unit of both eras: era ("legacy": the 63 provinces with
                                their districts and communes, valid until 30 June 2025; "2025":
                                the 34 provinces and their communes, no district level), level,
                                the national statistics office (GSO) code, type, short and
                                official name, the enclosing province and district codes;
- ``admin_units_vn_2025.tsv``   the 2025 reform: which 2025 unit(s) each legacy province and
                                commune became (vietnamadminunits' converter tables);
- ``places_world_iso.tsv``      Vietnamese names of countries and territories → ISO 3166-1
                                alpha-2, from CLDR through Babel, beside the hand-kept names of
                                data/places_world.tsv that CLDR writes differently; cities,
                                provinces and states that are ISO 3166-2 subdivisions.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "vnextract" / "data"
VAU = "vietnamadminunits-1.0.4 (MIT)"
CLDR = "CLDR via Babel 2.18.0 (Unicode-3.0)"

#: Country names of places_world.tsv that CLDR's Vietnamese territory names spell otherwise.
#: Checked by hand; the gloss says which country.
COUNTRY_ALIASES = {
    "VN": "VN",
    "Mỹ": "US",  # America, the usual press name (CLDR: Hoa Kỳ)
    "Anh": "GB",  # Britain in the press (CLDR: Vương quốc Anh)
    "Anh quốc": "GB",
    "Hồng Kông": "HK",  # CLDR: Đặc khu Hành chính Hồng Kông, Trung Quốc
    "Hong Kong": "HK",
    "Ma Cao": "MO",
    "Macau": "MO",
    "Myanmar": "MM",  # CLDR: Myanmar (Miến Điện)
    "Mianma": "MM",
    "Ukraine": "UA",  # CLDR: Ukraina
    "Úc": "AU",  # Australia (CLDR: Australia)
    "Ô-xtrây-li-a": "AU",
    "Liên bang Nga": "RU",
    "Ý": "IT",  # Italy (CLDR: Italy)
    "Italia": "IT",
    "Rumani": "RO",
    "Ai-len": "IE",
    "Bosnia": "BA",
    "Lithuania": "LT",
    "Gruzia": "GE",  # Georgia
    "I-rắc": "IQ",
    "I-ran": "IR",
    "Xy-ri": "SY",
    "Ixraen": "IL",
    "Lebanon": "LB",
    "Libăng": "LB",
    "Ả Rập Saudi": "SA",
    "Cô-oét": "KW",  # Kuwait
    "Ma-lai-xi-a": "MY",
    "Xin-ga-po": "SG",
    "In-đô-nê-xi-a": "ID",
    "Phi-líp-pin": "PH",
    "Philippin": "PH",
    "Philippines": "PH",
    "Đông Timor": "TL",
    "Ca-na-đa": "CA",
    "Mê-hi-cô": "MX",
    "Cu Ba": "CU",
    "Braxin": "BR",
    "Ác-hen-ti-na": "AR",
    "Chi-lê": "CL",
    "Pê-ru": "PE",
    "Côlômbia": "CO",
    "Vê-nê-xu-ê-la": "VE",
    "Li-bi": "LY",
    "An-giê-ri": "DZ",  # Algeria
    "Maroc": "MA",
    "Morocco": "MA",
    "Ni-giê-ri-a": "NG",
    "Xu-đăng": "SD",
    "Xô-ma-li": "SO",
    "Bờ Biển Ngà": "CI",  # Côte d'Ivoire
    "Vatican": "VA",
    "Cyprus": "CY",
    "Nhật Bổn": "JP",  # old Southern form of Nhật Bản
    "Nhật": "JP",  # Japan, short
    "Bắc Triều Tiên": "KP",  # North Korea
    "Cộng hòa Séc": "CZ",
    "Palestine": "PS",  # CLDR: Lãnh thổ Palestine
    "Ả Rập Xê Út": "SA",
    "Saudi Arabia": "SA",
    "UAE": "AE",
    "Cam-pu-chia": "KH",
    "Niu Di-lân": "NZ",  # New Zealand
    "Scotland": "GB-SCT",  # ISO 3166-2 countries of the United Kingdom
    "Xứ Wales": "GB-WLS",
    "Bắc Ireland": "GB-NIR",
}
# Left without a code on purpose: former states ("Liên Xô", "Đông Đức", "Tây Đức", "Nam Tư",
# "Tiệp Khắc" — ISO 3166-3 only) and "Congo" (two countries, CG and CD).

#: Major cities that are themselves an ISO 3166-2 subdivision (a capital city-province), or an
#: ISO 3166-1 territory. Checked by hand against ISO 3166-2; a city that is not a subdivision gets
#: no code (its country is not guessed here).
CITY_CODES = {
    "Singapore": "SG",
    "Bắc Kinh": "CN-BJ",  # Beijing
    "Thượng Hải": "CN-SH",  # Shanghai
    "Thiên Tân": "CN-TJ",  # Tianjin
    "Trùng Khánh": "CN-CQ",  # Chongqing
    "Tokyo": "JP-13",
    "Seoul": "KR-11",
    "Busan": "KR-26",
    "Bình Nhưỡng": "KP-01",  # Pyongyang
    "Bangkok": "TH-10",
    "Viêng Chăn": "LA-VT",  # Vientiane prefecture
    "Vientiane": "LA-VT",
    "Phnom Penh": "KH-12",
    "Kuala Lumpur": "MY-14",
    "Jakarta": "ID-JK",
    "Manila": "PH-00",  # National Capital Region
    "Moskva": "RU-MOW",
    "Moscow": "RU-MOW",
    "Mát-xcơ-va": "RU-MOW",
    "Saint Petersburg": "RU-SPE",
    "Berlin": "DE-BE",
    "Hamburg": "DE-HH",
    "Vienna": "AT-9",
    "Viên": "AT-9",  # Vienna
    "Washington": "US-DC",
    "Kyiv": "UA-30",
    "Kiev": "UA-30",
    "Madrid": "ES-MD",
    "Brussels": "BE-BRU",
    "Bruxelles": "BE-BRU",
    "Praha": "CZ-10",  # Prague
    "London": "GB-LND",
    "Luân Đôn": "GB-LND",
    "Paris": "FR-75C",
    "Delhi": "IN-DL",
    "New Delhi": "IN-DL",
    "Matxcơva": "RU-MOW",
    "Okinawa": "JP-47",
    "Incheon": "KR-28",
    "Daegu": "KR-27",
    "Taegu": "KR-27",
    "Istanbul": "TR-34",
    "Baghdad": "IQ-BG",
    "Cairo": "EG-C",
}

#: Provinces and states written in Vietnamese news that are ISO 3166-2 subdivisions (China's
#: codes as revised in 2017). "Hà Nam" (CN-HA) and "Hà Bắc" (CN-HE) are left out: both are also
#: Vietnamese provinces (Hà Bắc until 1997).
REGION_CODES = {
    "Quảng Đông": "CN-GD",  # Guangdong
    "Quảng Tây": "CN-GX",  # Guangxi
    "Vân Nam": "CN-YN",  # Yunnan
    "Tân Cương": "CN-XJ",  # Xinjiang
    "Tây Tạng": "CN-XZ",  # Tibet
    "Nội Mông": "CN-NM",  # Inner Mongolia
    "Hồ Bắc": "CN-HB",  # Hubei
    "Hồ Nam": "CN-HN",  # Hunan
    "Phúc Kiến": "CN-FJ",  # Fujian
    "Chiết Giang": "CN-ZJ",  # Zhejiang
    "Giang Tô": "CN-JS",  # Jiangsu
    "Sơn Đông": "CN-SD",  # Shandong
    "Hải Nam": "CN-HI",  # Hainan
    "Tứ Xuyên": "CN-SC",  # Sichuan
    "Quý Châu": "CN-GZ",  # Guizhou
    "Cam Túc": "CN-GS",  # Gansu
    "Tây Java": "ID-JB",  # West Java
    "California": "US-CA",
    "Texas": "US-TX",
    "Florida": "US-FL",
    "Hawaii": "US-HI",
    "Alaska": "US-AK",
    "Wyoming": "US-WY",
    "Louisiana": "US-LA",
    "Mississippi": "US-MS",
    "Alabama": "US-AL",
}


def nfc(s: str | None) -> str:
    return unicodedata.normalize("NFC", (s or "").strip())


TYPES = ("thành phố", "tỉnh", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu")


def short_type(full: str, short: str) -> str:
    """'Tỉnh Bình Dương', 'Bình Dương' → 'tỉnh'; numbered units keep the type in their short
    name: 'Quận 1', 'Quận 1' → 'quận'."""
    if full != short and full.endswith(short):
        return full[: len(full) - len(short)].strip().lower()
    return next((t for t in TYPES if full.lower().startswith(t + " ")), "")


def admin_units(con: sqlite3.Connection) -> list[tuple[str, ...]]:
    rows: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def add(era: str, level: str, code: str, full: str, short: str, prov: str, dist: str) -> None:
        full, short = nfc(full), nfc(short)
        rows.setdefault(
            (era, level, code), (era, level, code, short_type(full, short), short, full, prov, dist, VAU)
        )

    for p, d, w, ps, ds, ws, pc, dc, wc in con.execute(
        "select province, district, ward, provinceShort, districtShort, wardShort,"
        " provinceCode, districtCode, wardCode from admin_units_legacy"
    ):
        add("legacy", "province", pc, p, ps, "", "")
        if dc:
            add("legacy", "district", dc, d, ds, pc, "")
        if wc:
            add("legacy", "commune", wc, w, ws, pc, dc)
    for p, w, ps, ws, pc, wc in con.execute(
        "select province, ward, provinceShort, wardShort, provinceCode, wardCode from admin_units"
    ):
        add("2025", "province", pc, p, ps, "", "")
        if wc:
            add("2025", "commune", wc, w, ws, pc, "")
    return sorted(
        rows.values(), key=lambda r: (r[0] != "legacy", r[1] != "province", r[1] != "district", r[2])
    )


def reform(con: sqlite3.Connection, converter: dict) -> list[tuple[str, str, str, str]]:
    """(level, legacy code, 2025 code, source) for every province and commune of the reform."""
    old_prov = {
        k: c for k, c in con.execute("select distinct provinceKey, provinceCode from admin_units_legacy")
    }
    new_prov = {k: c for k, c in con.execute("select distinct provinceKey, provinceCode from admin_units")}
    old_ward = {
        f"{p}_{d}_{w}": c
        for p, d, w, c in con.execute(
            "select provinceKey, districtKey, wardKey, wardCode from admin_units_legacy"
            " where wardCode is not null"
        )
    }
    new_ward = {
        (p, w): c for p, w, c in con.execute("select provinceKey, wardKey, wardCode from admin_units")
    }
    pairs: set[tuple[str, str, str]] = set()
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            pairs.add(("province", old_prov[old_key], new_prov[new_key]))
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in old_ward and (new_p, new_w) in new_ward:
                    pairs.add(("commune", old_ward[old_key], new_ward[(new_p, new_w)]))
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, news in olds.items():
            for new in news:
                if old_key in old_ward and (new_p, new["newWardKey"]) in new_ward:
                    pairs.add(("commune", old_ward[old_key], new_ward[(new_p, new["newWardKey"])]))
    return [(*p, VAU) for p in sorted(pairs)]


def world_codes() -> list[tuple[str, str, str]]:
    import babel  # build time only

    rows: dict[str, tuple[str, str, str]] = {}
    for code, name in babel.Locale("vi").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"):
            rows[nfc(name)] = (nfc(name), code, CLDR)
    for name, code in COUNTRY_ALIASES.items():
        rows.setdefault(
            nfc(name), (nfc(name), code, "press name of the country; hand list checked against ISO 3166-1")
        )
    for name, code in CITY_CODES.items():
        rows.setdefault(nfc(name), (nfc(name), code, "city that is an ISO 3166-2 subdivision; hand list"))
    for name, code in REGION_CODES.items():
        source = "province or state, an ISO 3166-2 subdivision; hand list"
        rows.setdefault(nfc(name), (nfc(name), code, source))
    return sorted(rows.values())


def write(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with (DATA / name).open("w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows):>6} rows → data/{name}")


def main(vau_data: str) -> None:
    data = Path(vau_data)
    con = sqlite3.connect(data / "dataset.db")
    converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    write(
        "admin_units_vn.tsv",
        ("era", "level", "code", "type", "name", "official_name", "province_code", "district_code", "source"),
        admin_units(con),
    )
    write("admin_units_vn_2025.tsv", ("level", "legacy_code", "code_2025", "source"), reform(con, converter))
    write("places_world_iso.tsv", ("name", "iso", "source"), world_codes())


if __name__ == "__main__":
    main(sys.argv[1])
