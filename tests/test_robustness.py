"""Bad input gets a clear answer, never a crash, a hang or a wrong offset (issue 9).

The input contract of ``extract``; text written with other characters for the same thing
(NFD, old-style tone marks, entities, no-break and zero-width spaces, controls) gives the same
records as clean text, at exact offsets; time linear in the length; and, from a cold start in a
fresh interpreter: no network, no file written outside a temp dir, the root logger untouched,
8 threads giving what a serial run gives.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import vnextract
from test_robustness_support import ROOT, check_offsets, load_articles, record_count, values
from vnextract.errors import (
    InputError,
    InvalidUTF8Error,
    LoneSurrogateError,
    TextTooLongError,
    VnextractError,
)
from vnextract.text import MAX_LENGTH

# Real phrasings: the first two are the API's own examples; the others are sentences of the
# kind found in ../shared/news (fines, officials, dates, counts).
FINE = "Ngành đã xử phạt 144 trường hợp với số tiền phạt hơn 504 triệu đồng."
AWARD = "Giám đốc Sở TTTT Lai Xuân Thành trao thưởng cho 13 tập thể."
SENTENCES = [
    FINE,
    AWARD,
    "Ngày 1/10, ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM cho biết mỗi tháng có hơn 8.700 "
    "doanh nghiệp rút khỏi thị trường.",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh Bình Dương đã hòa giải vụ tranh chấp 3,5 ha đất.",
]

# ----------------------------------------------------------------------------- input contract


@pytest.mark.parametrize("bad", [None, 5, 3.5, ["Hà Nội"], {"text": "Hà Nội"}, object()])
def test_non_text_is_a_type_error_naming_str(bad: Any) -> None:
    with pytest.raises(TypeError, match=r"expects the text as str \(or UTF-8 bytes\), got"):
        vnextract.extract(bad)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda f: f.__name__)
def test_utf8_bytes_are_decoded(wrap: Callable[[bytes], Any]) -> None:
    doc = vnextract.extract(wrap(FINE.encode("utf-8")))
    assert doc.text == FINE
    assert doc == vnextract.extract(FINE)
    check_offsets(doc, FINE)


def test_bytes_not_utf8_name_the_byte_position() -> None:
    data = "Hà Nội".encode() + b" \xff tr\xe0"  # a stray 0xff after valid text
    with pytest.raises(InvalidUTF8Error, match=r"byte 0xff at position 10") as info:
        vnextract.extract(data)
    assert info.value.position == 10
    assert isinstance(info.value, ValueError) and isinstance(info.value, VnextractError)


def test_windows_1258_bytes_are_refused_not_misread() -> None:
    legacy = b"Ha\xcc N\xf4\xf2i"  # "Hà Nội" in windows-1258 (0xcc: combining grave)
    assert unicodedata.normalize("NFC", legacy.decode("cp1258")) == "Hà Nội"
    with pytest.raises(InvalidUTF8Error, match=r"at position 2"):
        vnextract.extract(legacy)


@pytest.mark.parametrize(
    "blank",
    ["", " ", "\n\n", " \t\r\n ", "\u00a0\u3000", "\u200b\ufeff\u00ad", "\x00\x07", "&nbsp;&#8203;"],
    ids=["empty", "space", "newlines", "mixed", "nbsp-ideographic", "zero-width", "controls", "entities"],
)
def test_blank_text_gives_an_empty_document(blank: str) -> None:
    doc = vnextract.extract(blank)
    assert doc.text == blank
    assert doc.sentences == () and record_count(doc) == 0 and doc.published is None


def test_max_length_is_a_clear_error() -> None:
    assert MAX_LENGTH == 10_000_000
    n = len(FINE)
    with pytest.raises(TextTooLongError, match=rf"{n} characters, more than max_length={n - 1}") as info:
        vnextract.extract(FINE, max_length=n - 1)
    assert (info.value.length, info.value.max_length) == (n, n - 1)
    assert isinstance(info.value, InputError) and isinstance(info.value, ValueError)
    # at the limit it works; None lifts the limit
    assert vnextract.extract(FINE, max_length=len(FINE)).text == FINE
    assert vnextract.extract(FINE, max_length=None).text == FINE


def test_max_length_on_bytes_refuses_before_decoding() -> None:
    with pytest.raises(TextTooLongError, match=r"41 bytes, more than max_length=10"):
        vnextract.extract(b"a" * 41, max_length=10)


@pytest.mark.parametrize("bad", ["10", 1.5, True])
def test_max_length_must_be_an_int(bad: Any) -> None:
    with pytest.raises(TypeError, match="max_length must be an int or None"):
        vnextract.extract(FINE, max_length=bad)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("hôm qua", dt.date(1, 1, 1)),  # "yesterday" on the first day datetime knows
        ("10 năm trước", dt.date(2, 1, 1)),  # "10 years ago" in year 2
        ("ngày mai", dt.date(9999, 12, 31)),  # "tomorrow" on the last day
        ("ngày 29/2", dt.date(9999, 12, 31)),  # 29 February: the next leap year is 10000
    ],
    ids=["yesterday-of-year-1", "10-years-before-year-2", "tomorrow-of-9999", "next-29-february-after-9999"],
)
def test_reference_date_at_the_ends_of_the_calendar(text: str, reference: dt.date) -> None:
    doc = vnextract.extract(text, reference_date=reference)
    check_offsets(doc, text)


@pytest.mark.parametrize(
    "text",
    ["ngày 29/2 năm nay", "ngày 29/2 năm sau", "ngày 29 tháng 2 năm sau"],
    ids=["this-year", "next-year", "spelled"],
)
def test_29_february_of_a_relative_year_that_is_not_leap(text: str) -> None:
    # 2021 and 2022 have no 29 February: the span is kept, with no ISO value
    doc = vnextract.extract(text, reference_date=dt.date(2021, 6, 15))
    check_offsets(doc, text)
    assert [(d.text, d.iso) for d in doc.dates] == [(text, None)]


def test_reference_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match=r"reference_date must be a datetime\.date"):
        vnextract.extract(FINE, reference_date="2021-06-15")  # type: ignore[arg-type]
    assert vnextract.extract(FINE, reference_date=dt.datetime(2021, 6, 15, 8, 0)).text == FINE


def test_str_subclass_is_read_as_plain_str() -> None:
    class Marked(str):
        pass

    doc = vnextract.extract(Marked(FINE))
    assert type(doc.text) is str and doc == vnextract.extract(FINE)


def test_str_subclass_with_its_own_str_keeps_the_callers_characters() -> None:
    class Labelled(str):  # a subclass whose __str__ says something else (issue 17: doc.text == "X")
        def __str__(self) -> str:
            return "X"

    doc = vnextract.extract(Labelled(FINE))
    assert doc.text == FINE and doc == vnextract.extract(FINE)


def test_negative_max_length_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"max_length must be >= 0 or None \(no limit\), got -1") as info:
        vnextract.extract(FINE, max_length=-1)
    assert not isinstance(info.value, TextTooLongError)


def test_a_path_or_an_open_file_says_read_the_file_first(tmp_path: Path) -> None:
    path = tmp_path / "bai_bao.txt"  # "bài báo" = article
    path.write_text(FINE, encoding="utf-8")
    with pytest.raises(TypeError, match=r"got PosixPath; read the file first: extract\(path\.read_text"):
        vnextract.extract(path)
    read_first = r"extract\(handle\.read\(\)\)"
    with path.open(encoding="utf-8") as handle, pytest.raises(TypeError, match=read_first):
        vnextract.extract(handle)


@pytest.mark.parametrize("at", [0, 7, len(FINE)])
def test_a_lone_surrogate_is_refused_with_its_position(at: int) -> None:
    text = FINE[:at] + "\udc9d" + FINE[at:]  # what json.loads makes of "\\udc9d"
    with pytest.raises(LoneSurrogateError, match=rf"lone surrogate U\+DC9D at position {at}\b") as info:
        vnextract.extract(text)
    assert info.value.position == at and isinstance(info.value, InputError)


def test_replace_surrogates_keeps_length_and_offsets() -> None:
    text = "\ud800" + FINE + "\udfff"
    fixed = vnextract.replace_surrogates(text)
    assert fixed == "\ufffd" + FINE + "\ufffd"
    doc = vnextract.extract(fixed)
    check_offsets(doc, fixed)
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")  # every record encodes
    assert [m.text for m in doc.money] == [m.text for m in vnextract.extract(FINE).money]


def test_every_public_name_is_reachable_from_a_fresh_import() -> None:
    # PipeError was only there after pipe() had run once; names load lazily (PEP 562)
    code = (
        "import sys, vnextract; "
        "assert 'underthesea' not in sys.modules and 'vnextract.pipeline' not in sys.modules; "
        "missing = [n for n in vnextract.__all__ if not hasattr(vnextract, n)]; "
        "print(missing, vnextract.PipeError.__module__, vnextract.render.__module__, "
        "set(vnextract.__all__) <= set(dir(vnextract)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "vnextract.errors", "vnextract.output.render", "True"]
    assert sorted(vnextract.__all__) == sorted([*vnextract._EXPORTS, "render", "__version__"])


# ----------------------------------------------------------------------------- same thing, other characters


def _every(step: int, insert: str) -> Callable[[str], str]:
    """Insert ``insert`` after every ``step`` characters (inside words and numbers too)."""
    return lambda s: insert.join(s[i : i + step] for i in range(0, len(s), step))


def _old_style_tones(s: str) -> str:
    for new, old in [("hòa", "hoà"), ("Ủy", "Uỷ"), ("thủy", "thuỷ"), ("khỏe", "khoẻ")]:
        s = s.replace(new, old)
    return s


# Each rewrites a clean text into what scrapers, old editors and other keyboards produce.
SPELLINGS: dict[str, Callable[[str], str]] = {
    "nfd": lambda s: unicodedata.normalize("NFD", s),
    "old-style-tones": _old_style_tones,
    "nbsp-entity": lambda s: s.replace(" ", "&nbsp;"),
    "nbsp-char": lambda s: s.replace(" ", "\u00a0"),
    "tabs-and-double-spaces": lambda s: s.replace(" ", " \t "),
    "zero-width-space": _every(3, "\u200b"),
    "soft-hyphen-and-joiners": _every(4, "\u00ad\u200c\u200d"),
    "bom-and-crlf": lambda s: "\ufeff" + s.replace("\n", "\r\n") + "\r\n",
    "nul-and-bell": _every(5, "\x00\x07"),
    "bidi-marks": _every(6, "\u200e\u202a\u202c"),
    "quote-entities": lambda s: s.replace(",", "&#44;").replace(".", "&#x2E;"),
    "eth-for-d": lambda s: s.replace("Đ", "Ð").replace("đ", "ð"),
    "nfd-and-entities": lambda s: unicodedata.normalize("NFD", s).replace(" ", "&nbsp;"),
}


SENTENCE_IDS = ["fine", "award", "tax", "land"]


@pytest.mark.parametrize(
    ("clean", "spelling"),
    [
        pytest.param(clean, spelling, id=f"{name}-{spelling}")
        for name, clean in zip(SENTENCE_IDS, SENTENCES, strict=True)
        for spelling, rewrite in SPELLINGS.items()
        if rewrite(clean) != clean  # "eth-for-d" on a sentence without "đ" tests nothing
    ],
)
def test_other_spellings_give_the_same_records_at_exact_offsets(clean: str, spelling: str) -> None:
    noisy = SPELLINGS[spelling](clean)
    clean_doc, noisy_doc = vnextract.extract(clean), vnextract.extract(noisy)
    check_offsets(noisy_doc, noisy)
    assert values(noisy_doc, surface=False) == values(clean_doc, surface=False)
    assert len(noisy_doc.sentences) == len(clean_doc.sentences)


@pytest.mark.parametrize(
    "spelling", ["nfd", "old-style-tones", "nbsp-entity", "zero-width-space", "bom-and-crlf", "eth-for-d"]
)
def test_the_reference_article_in_other_spellings(reference_article: str, spelling: str) -> None:
    # a whole article: the linkers (persons ↔ titles, fines, abbreviations) see the same text too
    noisy = SPELLINGS[spelling](reference_article)
    assert noisy != reference_article
    clean_doc, noisy_doc = vnextract.extract(reference_article), vnextract.extract(noisy)
    check_offsets(noisy_doc, noisy)
    assert values(noisy_doc, surface=False) == values(clean_doc, surface=False)
    assert record_count(clean_doc) > 20


def test_the_spelling_comparison_is_not_vacuous() -> None:
    doc = vnextract.extract(FINE)
    assert [(m.amount, m.currency, m.qualifier) for m in doc.money] == [(504_000_000, "VND", "more_than")]
    noisy = vnextract.extract(SPELLINGS["nfd-and-entities"](FINE))
    (money,) = noisy.money
    assert money.text == unicodedata.normalize("NFD", "hơn&nbsp;504&nbsp;triệu&nbsp;đồng")


def test_html_entities_map_back_to_the_whole_entity() -> None:
    noisy = "Ngành đã xử phạt 144 trường hợp với số tiền phạt hơn&nbsp;504&nbsp;triệu đồng&#46;"
    doc = vnextract.extract(noisy)
    check_offsets(doc, noisy)
    assert [m.text for m in doc.money] == ["hơn&nbsp;504&nbsp;triệu đồng"]
    assert doc.sentences[-1].text.endswith("đồng&#46;")


@pytest.mark.parametrize(
    "extra",
    [
        " 😀👍🏽 👨‍👩‍👧 🇻🇳",  # emoji, skin tone modifier, ZWJ family, flag
        " Москва 北京 ภาษาไทย مرحبا שלום",  # other scripts
        " \U0010fffd\ue000 \ufffd\ufffe",  # private use, replacement, noncharacter
        " \u0301\u0323 a\u0301\u0301\u0301",  # stray and stacked marks
        # lone surrogates (surrogateescape decoding), replaced as the LoneSurrogateError advises
        vnextract.replace_surrogates(" \udcff\ud800"),
    ],
    ids=["emoji", "scripts", "private-use", "stray-marks", "replaced-surrogates"],
)
def test_foreign_characters_do_not_disturb_the_vietnamese(extra: str) -> None:
    for clean in SENTENCES:
        noisy = clean + extra
        doc = vnextract.extract(noisy)
        check_offsets(doc, noisy)
        assert [m.amount for m in doc.money] == [m.amount for m in vnextract.extract(clean).money]


# ----------------------------------------------------------------------------- size
# How time grows with the length is measured by benchmarks/growth.py (CPU time over texts 10x
# apart, with the growth factor), never asserted here: timed tests flaked on a busy machine.
# Here: the same long and repetitive texts are read whole, with exact offsets.


def test_no_property_test_has_a_deadline() -> None:
    # tests/conftest.py's profile: hypothesis's 200 ms deadline is a timed assertion
    from hypothesis import HealthCheck, settings

    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


# Inputs that make underthesea (or a careless regex) quadratic: long runs without spaces.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "dotted-letters": _repeat("a."),
    "dotted-capitals": _repeat("A."),
    "dotted-digits": _repeat("1."),
    "at-signs": _repeat("a@"),
    "open-parens-url": lambda n: "http://x" + _repeat("(a")(n - 8),
    "exclamations": _repeat("!"),
    "marks-on-one-letter": lambda n: "a" + "\u0301" * (n - 1),
    "entities": _repeat("&amp;"),
    "one-sentence-no-punctuation": _repeat("người dân "),
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=list(PATHOLOGICAL))
def test_pathological_text_is_read_whole(make: Callable[[int], str]) -> None:
    text = make(20_000)
    doc = vnextract.extract(text)
    assert doc.text == text and doc.sentences
    check_offsets(doc, text)


# Texts that made a recogniser's scan quadratic; a few give one record (kind, text) per whole
# repetition of the unit, and must give exactly that many.
RECOGNISER_STRESS = [
    pytest.param("1 ", None, id="digits-spaced"),
    pytest.param("hơn 1.200 triệu đồng ", ("money", "hơn 1.200 triệu đồng"), id="numbers-and-units"),
    pytest.param("hơn khoảng gần ", None, id="qualifiers"),
    pytest.param("Nguyễn Văn ", None, id="capitalised-words"),
    pytest.param("A B ", None, id="capitals"),
    pytest.param("Phó Chủ tịch UBND tỉnh ", None, id="titles"),
    pytest.param("Ủy ban nhân dân ", None, id="org-words"),
    pytest.param("(TTTT ", None, id="parentheses"),
    pytest.param("ngày 24/08/2015 ", ("dates", "ngày 24/08/2015"), id="dates"),
    pytest.param("1/", None, id="slashes"),
    pytest.param("a." * 49 + "a ", None, id="dotted-runs-under-the-long-run-limit"),
    # issue 17: each of these took 14-115x the CPU time for 10x the text
    pytest.param("( ", None, id="open-parens"),
    pytest.param("1.000.000 đồng ", ("money", "1.000.000 đồng"), id="money-amounts"),
    pytest.param("12345 ", None, id="digit-groups"),
    # "bị phạt 5 triệu đồng tiền phạt" = fined 5 million đồng in fines
    pytest.param("bị phạt 5 triệu đồng tiền phạt, ", ("fines", "5 triệu đồng"), id="fines"),
]


@pytest.mark.parametrize(("unit", "expected"), RECOGNISER_STRESS)
def test_repetitive_text_gives_exact_records(unit: str, expected: tuple[str, str] | None) -> None:
    text = _repeat(unit)(4_000)
    doc = vnextract.extract(text)
    check_offsets(doc, text)
    if expected is not None:  # one record per whole repetition of the unit
        kind, surface = expected
        records = getattr(doc, kind)
        assert [r.text for r in records] == [surface] * (4_000 // len(unit))


def test_long_lists_of_persons_link_each_name_once() -> None:
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    givens = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam"]
    names = [f"{s} Văn {g}" for s in surnames for g in givens]
    text = " ".join(f"Ông {name} cho biết." for name in names)  # "Mr … said."
    doc = vnextract.extract(text)
    assert sorted(p.name for p in doc.persons) == sorted(names)
    check_offsets(doc, text)


def test_the_worst_case_for_underthesea_is_one_sentence() -> None:
    # "A.A.A.…": underthesea's sentence splitter alone would scan back over the run at each dot
    # (2 MB: about 10^12 steps); vnextract hides such runs from it (2 MB: see benchmarks/growth.py).
    text = "A." * 100_000
    doc = vnextract.extract(text)
    assert doc.text == text and len(doc.sentences) == 1


# ----------------------------------------------------------------- cold start, in a fresh interpreter

_COLD_START = r"""
import json, logging, os, sys, tempfile

allowed = os.path.realpath(tempfile.gettempdir())
# Traffic, not sockets: urllib3 (imported by underthesea) binds a socket to ::1 at import to
# probe for IPv6, which sends nothing.
NETWORK = {"socket.connect", "socket.connect_ex", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg",
           "urllib.Request", "http.client.connect"}
events = {"writes": [], "network": []}

def audit(event, args):
    if event in NETWORK:
        events["network"].append([event, repr(args)[:200]])
    elif event == "open":
        path, mode, flags = args
        writing = (mode is not None and any(c in mode for c in "wax+")) or (
            mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
        if writing and isinstance(path, (str, bytes, os.PathLike)):
            real = os.path.realpath(os.fsdecode(path))
            if not (real.startswith(allowed + os.sep) or real == os.devnull):
                events["writes"].append([event, real, str(mode)])
    elif event in ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link",
                   "shutil.copyfile", "shutil.move", "shutil.rmtree", "os.truncate", "os.utime"):
        paths = [a for a in args if isinstance(a, (str, bytes, os.PathLike))]
        if any(not os.path.realpath(os.fsdecode(p)).startswith(allowed + os.sep) for p in paths):
            events["writes"].append([event, repr(args)[:200], ""])

sys.addaudithook(audit)
root = logging.getLogger()
before = [list(root.handlers), root.level, logging.lastResort]

import vnextract
text = open(sys.argv[1], encoding="utf-8").read()
doc = vnextract.extract(text)
vnextract.extract("Giá&nbsp;5 triệu đồng. " * 50)
if sys.argv[2:] == ["misbehave"]:  # the detectors' own test: do all three forbidden things
    open(os.path.join(os.path.expanduser("~"), "written.txt"), "w").close()
    import socket
    socket.getaddrinfo("localhost", 80)
    logging.basicConfig()
events["logging_same"] = [list(root.handlers), root.level, logging.lastResort] == before
events["root_handlers"] = [repr(h) for h in root.handlers]
events["records"] = sum(len(getattr(doc, k)) for k in ("money", "counts", "dates", "persons"))
events["underthesea_imported"] = "underthesea" in sys.modules
print(json.dumps(events))
"""


def _cold_start(tmp_path_factory: pytest.TempPathFactory, *extra: str) -> dict[str, Any]:
    """Import vnextract and extract in a fresh interpreter whose home and temp dir are fresh."""
    home, tmp = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("tmp")
    env = {
        **os.environ,
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "PYTHONDONTWRITEBYTECODE": "1",
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", _COLD_START, str(ROOT / "fixtures" / "reference_article.txt"), *extra],
        capture_output=True, text=True, env=env, cwd=tmp, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    events: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    events["home_after"] = sorted(str(p.relative_to(home)) for p in Path(home).rglob("*"))
    return events


@pytest.fixture(scope="module")
def cold_start(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _cold_start(tmp_path_factory)


def test_the_cold_start_detectors_catch_misbehaviour(tmp_path_factory: pytest.TempPathFactory) -> None:
    caught = _cold_start(tmp_path_factory, "misbehave")
    assert [event for event, *_ in caught["network"]] == ["socket.getaddrinfo"]
    assert [w[1].rsplit("/", 1)[-1] for w in caught["writes"]] == ["written.txt"]
    assert caught["home_after"] == ["written.txt"]
    assert not caught["logging_same"]


def test_never_touches_the_network(cold_start: dict[str, Any]) -> None:
    assert cold_start["records"] > 0  # the pipeline really ran
    assert cold_start["network"] == []


def test_never_writes_outside_a_temp_dir(cold_start: dict[str, Any]) -> None:
    assert cold_start["writes"] == []
    assert cold_start["home_after"] == []


def test_underthesea_is_read_not_imported(cold_start: dict[str, Any]) -> None:
    # Its package __init__ imports every pipeline with joblib, numpy and requests (~0.8 s of
    # CPU); vnextract reads the three pieces it needs from its files (text/underthesea_files).
    assert cold_start["records"] > 0
    assert cold_start["underthesea_imported"] is False


def test_never_configures_the_root_logger(cold_start: dict[str, Any]) -> None:
    assert cold_start["logging_same"], cold_start["root_handlers"]


def test_network_blocked_in_process(monkeypatch: pytest.MonkeyPatch, reference_article: str) -> None:
    import socket

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network access: {args!r}")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    doc = vnextract.extract(reference_article)
    check_offsets(doc, reference_article)


_THREADS = r"""
import json, sys, threading
texts = json.loads(sys.stdin.read())
import vnextract  # nothing extracted yet: the models load on first use, in the threads

barrier = threading.Barrier(len(texts))
results, errors = [None] * len(texts), []

def work(i):
    try:
        barrier.wait()
        results[i] = vnextract.extract(texts[i]).to_dict()
    except BaseException as err:
        errors.append(f"{i}: {type(err).__name__}: {err}")

threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
for t in threads: t.start()
for t in threads: t.join()
serial = [vnextract.extract(t).to_dict() for t in texts]
print(json.dumps({"errors": errors, "same": [r == s for r, s in zip(results, serial)],
                  "records": sum(len(d["money"]) + len(d["counts"]) for d in serial)}))
"""


def test_eight_threads_from_a_cold_start_match_serial(reference_article: str) -> None:
    articles = load_articles() or []
    texts = [reference_article, *SENTENCES, *(a[:1500] for a in articles[:3])]
    texts = (texts * 2)[:8]
    result = subprocess.run(
        [sys.executable, "-c", _THREADS], input=json.dumps(texts),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["same"] == [True] * 8
    assert outcome["records"] > 0
