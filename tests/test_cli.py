"""The ``vnextract`` command line: formats, JSONL input errors, exit codes, info."""

from __future__ import annotations

import csv
import gzip
import io
import json
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnextract
from processes import children_of, children_within, gone_within
from sample_documents import sample_document
from vnextract import cli, pipeline
from vnextract.cli import info as cli_info
from vnextract.cli.inputs import count_lines
from vnextract.cli.writers import table_text
from vnextract.output.frames import COLUMNS

SENTENCE = "Ngành đã xử lý 144 trường hợp vi phạm, với số tiền phạt hơn 504 triệu đồng."


@pytest.fixture
def sample_extract(monkeypatch):
    """extract() returns the hand-built sample document (with every kind) for any text."""
    calls: list[tuple[str, object]] = []

    def fake(text, *, reference_date=None, max_length=None, learned=True):
        calls.append((text, reference_date))
        if "FAIL" in text:
            raise IndexError("boom")
        if "DIE" in text:  # a worker process that dies (as the out-of-memory killer does)
            os._exit(3)
        return sample_document()

    monkeypatch.setattr(pipeline, "extract", fake)
    return calls


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*argv: str) -> int:
    return cli.main(list(argv))


# ----------------------------------------------------------------------------- JSONL output


def test_jsonl_output_is_to_dict_of_the_real_extraction(tmp_path, reference_article):
    out = tmp_path / "out.jsonl"
    assert run("extract", "fixtures/reference_article.txt", "-o", str(out)) == cli.EXIT_OK
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == vnextract.extract(reference_article).to_dict()


def test_no_learned_runs_the_rules_alone(tmp_path):
    source = tmp_path / "a.txt"
    text = "HLV Kim Sang-sik gọi Đình Bắc và Xuân Son lên tuyển Việt Nam."
    source.write_text(text, encoding="utf-8")
    for flag, learned in (("--no-learned", False), ("--learned", True)):
        out = tmp_path / f"{learned}.jsonl"
        assert run("extract", str(source), flag, "-o", str(out)) == cli.EXIT_OK
        expected = vnextract.extract(text, learned=learned).to_dict()
        assert json.loads(out.read_text(encoding="utf-8")) == expected
    assert json.loads((tmp_path / "False.jsonl").read_text(encoding="utf-8")) != json.loads(
        (tmp_path / "True.jsonl").read_text(encoding="utf-8")
    )  # the learned layer finds "Đình Bắc", the rules do not


def test_jsonl_output_has_exactly_the_to_dict_data_for_every_kind(tmp_path, sample_extract):
    out = tmp_path / "out.jsonl"
    source = tmp_path / "a.txt"
    source.write_text(SENTENCE, encoding="utf-8")
    assert run("extract", str(source), "-o", str(out)) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == sample_document().to_dict()
    assert list(data) == list(sample_document().to_dict())  # same key order
    assert data["money"][0]["amount"] == 504000000
    assert data["published"] == "2015-08-24T07:38"
    assert data["quantities"][0]["value"] == "3.5"


def test_stdin_to_stdout(monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SENTENCE.encode())))
    assert run("extract") == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert json.loads(out) == vnextract.extract(SENTENCE).to_dict()
    assert not sys.stdin.closed


def test_offsets_count_windows_line_endings_as_written(tmp_path):
    content = "Dòng một.\r\nNgành đã xử lý 144 trường hợp vi phạm.\r\n"
    source = tmp_path / "crlf.txt"
    source.write_bytes(content.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "-o", str(out)) == 0
    count = json.loads(out.read_text("utf-8"))["counts"][0]
    assert content[count["start"] : count["end"]] == count["text"] == "144 trường hợp"


def test_jsonl_input_keeps_fields_and_text_key(tmp_path, sample_extract):
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "a", "body": "Văn bản một", "extra": 1}, ensure_ascii=False),
            json.dumps({"id": "b", "body": "Văn bản hai"}, ensure_ascii=False),
        ],
    )
    out = tmp_path / "out.jsonl"
    assert (
        run("extract", str(source), "--text-key", "body", "--keep", "id", "--keep", "extra", "-o", str(out))
        == 0
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["extra"]) for r in rows] == [("a", 1), ("b", None)]
    assert list(rows[0])[:3] == ["id", "extra", "persons"]
    assert [text for text, _ in sample_extract] == ["Văn bản một", "Văn bản hai"]


def test_reference_date_is_passed_to_extract(tmp_path, sample_extract):
    source = tmp_path / "a.txt"
    source.write_text("hôm qua", encoding="utf-8")
    assert run("extract", str(source), "--reference-date", "2021-06-15", "-o", str(tmp_path / "o")) == 0
    import datetime as dt

    assert sample_extract == [("hôm qua", dt.date(2021, 6, 15))]


def test_gzipped_jsonl_is_read(tmp_path, sample_extract):
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.write('{"text": "một"}\n{"text": "hai"}\n')
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "-o", str(out)) == 0  # *.jsonl.gz → jsonl input
    assert len(out.read_text().splitlines()) == 2


# ----------------------------------------------------------------------------- bad input


BAD_LINES = [
    '{"id": 1, "text": "một"}',
    "{not json",
    "[1, 2]",
    '{"id": 4}',
    '{"id": 5, "text": 5}',
    "",  # blank lines are not documents and not errors
    '{"id": 7, "text": "bảy"}',
]


def test_bad_lines_are_reported_with_line_numbers_and_skipped(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", BAD_LINES)
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "--keep", "id", "-o", str(out)) == cli.EXIT_SKIPPED
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [1, 7]
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"vnextract: {source}:2: invalid JSON "
        "(Expecting property name enclosed in double quotes at column 2); skipped",
        f"vnextract: {source}:3: expected a JSON object, got an array; skipped",
        f"vnextract: {source}:4: no 'text' key (keys: id; use --text-key to name the text field); skipped",
        f"vnextract: {source}:5: 'text' is a number, not a string; skipped",
    ]


def test_on_error_stop_keeps_everything_before_the_bad_line(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", BAD_LINES)
    out = tmp_path / "out.jsonl"
    assert (
        run("extract", str(source), "--keep", "id", "--on-error", "stop", "-o", str(out)) == cli.EXIT_STOPPED
    )
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [1]
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            ":2: invalid JSON (Expecting property name enclosed in double quotes at column 2); stopping"
        )
    )


_GOOD = st.builds(
    lambda i, t: json.dumps({"id": i, "text": t}, ensure_ascii=False), st.integers(), st.text(max_size=20)
)
_BAD = st.sampled_from(
    ["{", "[]", "null", '"text"', '{"id": 1}', '{"text": 3}', '{"text": null}', "{'text': 'x'}"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(_GOOD, _BAD, st.just("")), max_size=12))
def test_every_good_line_is_written_and_every_bad_line_reported(tmp_path, sample_extract, capsys, lines):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    sample_extract.clear()
    code = run("extract", str(source), "--keep", "id", "-o", str(out))
    good = [json.loads(line)["id"] for line in lines if line and _is_good(line)]
    bad = [n for n, line in enumerate(lines, 1) if line and not _is_good(line)]
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == good
    err = capsys.readouterr().err.splitlines()
    if not any(lines):  # nothing but blank lines: the file itself is reported
        assert err == [f"vnextract: {source}: no JSON lines, only blank ones; skipped"]
        assert code == cli.EXIT_SKIPPED
        return
    # a line without the text key is reported once; the others of its kind are only counted
    no_key = [n for n, line in enumerate(lines, 1) if line and _lacks_text_key(line)]
    summary = [f"vnextract: {len(no_key) - 1} more inputs with no 'text' key (not shown)"]
    assert err[len(err) - (len(no_key) > 1) :] == (summary if len(no_key) > 1 else [])
    reported = [int(line.split(":")[2]) for line in err[: len(err) - (len(no_key) > 1)]]
    assert reported == [n for n in bad if n not in no_key[1:]]
    assert code == (cli.EXIT_SKIPPED if bad else cli.EXIT_OK)


def _lacks_text_key(line: str) -> bool:
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and "text" not in data


def _is_good(line: str) -> bool:
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("text"), str)


def test_a_document_that_fails_to_extract_is_reported_and_skipped(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "một"}', '{"text": "FAIL"}', '{"text": "ba"}'])
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "-o", str(out)) == cli.EXIT_SKIPPED
    assert len(out.read_text().splitlines()) == 2
    assert "in.jsonl:2: extraction failed (IndexError: boom); skipped" in capsys.readouterr().err


def test_non_utf8_text_file_is_reported(tmp_path, sample_extract, capsys):
    good = tmp_path / "good.txt"
    good.write_text("một", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Vi\xea\xf2t Nam")  # "Việt Nam" in Windows-1258
    out = tmp_path / "out.jsonl"
    assert run("extract", str(bad), str(good), "-o", str(out)) == cli.EXIT_SKIPPED
    assert len(out.read_text().splitlines()) == 1
    assert "bad.txt: not UTF-8" in capsys.readouterr().err


def test_missing_file_is_a_usage_error_before_any_output(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("một", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", str(good), str(tmp_path / "nope.txt"), "-o", str(out)) == cli.EXIT_USAGE
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--reference-date", "15/06/2021", "x"], "YYYY-MM-DD"),
        (["extract", "--n-process", "0", "x"], ">= 1, or -1"),
        (["extract", "--format", "xml", "x"], "invalid choice"),
        (["extract", "--keep", "id", "--input-format", "text", "x"], "--keep"),
        (["extract", "--keep", "persons", "--input-format", "jsonl", "x"], "overwrite"),
    ],
    ids=["bad-date", "zero-processes", "unknown-format", "keep-on-text", "keep-clash"],
)
def test_usage_errors_exit_2(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(*argv)
    assert exit_info.value.code == cli.EXIT_USAGE
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("setup", "message", "code"),
    [
        (lambda d: d / "nope.txt", "cannot read {p}: no such file", cli.EXIT_USAGE),
        (
            lambda d: d,
            "cannot read {p}: is a directory (name the files in it, e.g. {p}/*.txt)",
            cli.EXIT_USAGE,
        ),
        (
            lambda d: _write(d / "bad.txt", b"Vi\xea\xf2t Nam"),  # "Việt Nam" in Windows-1258
            "{p}: not UTF-8: byte 0xea at offset 2 (invalid continuation byte); "
            "convert it first, e.g. iconv -f cp1258 -t utf-8; skipped",
            cli.EXIT_SKIPPED,
        ),
        (
            lambda d: _write(d / "empty.txt", b""),
            "{p}: empty file: no text to extract; skipped",
            cli.EXIT_SKIPPED,
        ),
        (
            lambda d: _write(d / "blank.txt", b" \n\t\n"),
            "{p}: only whitespace: no text to extract; skipped",
            cli.EXIT_SKIPPED,
        ),
        (
            lambda d: _write(d / "empty.jsonl", b""),
            "{p}: empty file: no JSON lines; skipped",
            cli.EXIT_SKIPPED,
        ),
        (
            lambda d: _write(d / "body.jsonl", '{"id": 1, "body": "Phạt 5 triệu đồng."}\n'.encode()),
            "{p}:1: no 'text' key (keys: id, body; use --text-key to name the text field); skipped",
            cli.EXIT_SKIPPED,
        ),
        (
            lambda d: _write(d / "gz.txt.gz", b"not gzip at all"),
            "{p}: cannot read: not a gzipped file (b'no'); skipped",
            cli.EXIT_SKIPPED,
        ),
    ],
    ids=[
        "missing",
        "directory",
        "not-utf8",
        "empty-text",
        "whitespace-text",
        "empty-jsonl",
        "no-text-key",
        "bad-gzip",
    ],
)
def test_each_unusable_input_is_one_clear_line_and_a_non_zero_exit(tmp_path, capsys, setup, message, code):
    path = setup(tmp_path)
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    assert run("extract", str(path), "-o", str(out)) == code
    err = capsys.readouterr().err
    assert err == f"vnextract: {message.format(p=path)}\n"
    assert "Traceback" not in err
    assert out.exists() == (code != cli.EXIT_USAGE)  # usage errors are found before any output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_jsonl_line_that_is_not_utf8_is_skipped_and_the_rest_read(tmp_path, sample_extract, capsys):
    source = _write(
        tmp_path / "in.jsonl",
        b'\xef\xbb\xbf{"id": 1, "text": "m\xe1\xbb\x99t"}\n'  # a byte order mark first, as Notepad writes
        b'{"id": 2, "text": "Vi\xea\xf2t"}\n'
        b'{"id": 3, "text": "ba"}\n',
    )
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "--keep", "id", "-o", str(out)) == cli.EXIT_SKIPPED
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [1, 3]
    assert capsys.readouterr().err == (
        f"vnextract: {source}:2: not UTF-8: byte 0xea at offset 51 (invalid continuation byte); "
        "convert it first, e.g. iconv -f cp1258 -t utf-8; skipped\n"
    )


def test_output_that_is_also_an_input_is_refused_before_it_is_truncated(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "Phạt 5 triệu đồng."}'])
    before = source.read_bytes()
    assert run("extract", str(source), "-o", str(source)) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"vnextract: -o {source} is also an input file: writing it would destroy the input\n"
    )
    assert source.read_bytes() == before


def test_many_bad_lines_are_counted_after_the_first_max_errors(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ["[]"] * 7 + ['{"text": "một"}'])
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "--max-errors", "2", "-o", str(out)) == cli.EXIT_SKIPPED
    assert len(out.read_text().splitlines()) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"vnextract: {source}:1: expected a JSON object, got an array; skipped",
        f"vnextract: {source}:2: expected a JSON object, got an array; skipped",
        "vnextract: 7 inputs skipped in all (5 not shown; see --max-errors)",
    ]


def test_a_pipe_such_as_process_substitution_is_an_input(tmp_path):
    script = Path(sys.executable).with_name("vnextract")
    if not script.exists():
        pytest.skip("console script not installed next to this Python")
    shell = f'{script} extract --input-format jsonl <(echo \'{{"text": "{SENTENCE}"}}\')'
    done = subprocess.run(["bash", "-c", shell], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == vnextract.extract(SENTENCE).to_dict()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_a_write_error_not_a_bug(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "một"}', '{"text": "hai"}'])
    assert run("extract", str(source), "--format", "html", "-o", "/dev/full") == cli.EXIT_USAGE
    assert capsys.readouterr().err == "vnextract: cannot write /dev/full: no space left on device\n"
    script = Path(sys.executable).with_name("vnextract")
    if script.exists():  # standard output on a full disk: the same line, and nothing at exit
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [str(script), "extract", str(tmp_path / "in.jsonl")],
                stdout=full,
                stderr=subprocess.PIPE,
                timeout=120,
            )
        assert done.returncode == cli.EXIT_USAGE
        assert done.stderr == b"vnextract: cannot write standard output: no space left on device\n"


def test_empty_standard_input_is_reported(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert run("extract") == cli.EXIT_SKIPPED
    assert capsys.readouterr().err == "vnextract: <stdin>: empty input: no text to extract; skipped\n"


def test_messages_are_written_above_the_progress_bar(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "một"}', "oops", '{"text": "ba"}'])
    assert run("extract", str(source), "--progress", "-o", str(tmp_path / "o")) == cli.EXIT_SKIPPED
    err = capsys.readouterr().err
    message = f"vnextract: {source}:2: invalid JSON (Expecting value at column 1); skipped\n"
    assert message in err and "3/3" in err.split(message)[1]  # the bar goes on below the message


def test_a_usage_error_shows_the_usage_of_the_subcommand(capsys):
    with pytest.raises(SystemExit):
        run("extract", "--columns", "id", "x.txt")
    err = capsys.readouterr().err
    assert err.startswith("usage: vnextract extract ")
    assert err.endswith("error: --columns chooses CSV or Parquet columns; it needs --format csv or parquet\n")


#: One document per case of --on-error: good, too long for --max-length 60, invalid JSON, good,
#: not UTF-8, good ("fined 5 million dong", "commended 13 collectives", "more than 1,200 households").
MIXED = [
    b'{"id": 1, "text": "Ph\xe1\xba\xa1t 5 tri\xe1\xbb\x87u \xc4\x91\xe1\xbb\x93ng."}',
    json.dumps({"id": 2, "text": "Tuyên dương 13 tập thể và 24 cá nhân. " * 3}).encode(),
    b'{"id": 3, "text": }',
    json.dumps({"id": 4, "text": "Hơn 1.200 hộ dân bị ảnh hưởng."}, ensure_ascii=False).encode(),
    b'{"id": 5, "text": "Vi\xea\xf2t"}',
    json.dumps({"id": 6, "text": "Ngày 24/8/2015, tỉnh phạt 144 trường hợp."}, ensure_ascii=False).encode(),
]


@pytest.mark.parametrize("on_error", ["skip", "stop", "record"])
def test_several_processes_treat_bad_documents_exactly_as_one(tmp_path, capsys, on_error):
    source = _write(tmp_path / "in.jsonl", b"\n".join(MIXED) + b"\n")
    runs = {}
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.jsonl"
        code = run(
            "extract",
            str(source),
            "--keep",
            "id",
            "--max-length",
            "60",
            "--on-error",
            on_error,
            "--n-process",
            n,
            "-o",
            str(out),
        )
        runs[n] = (code, out.read_bytes(), capsys.readouterr().err)
    assert runs["1"] == runs["2"]
    assert multiprocessing.active_children() == []  # a stop ends the workers too
    code, output, err = runs["1"]
    rows = [json.loads(line) for line in output.splitlines()]
    too_long = f"vnextract: {source}:2: text too long (114 characters, more than --max-length 60)"
    if on_error == "skip":
        assert code == cli.EXIT_SKIPPED
        assert [r.pop("id") for r in rows] == [1, 4, 6]
        texts = [json.loads(MIXED[i])["text"] for i in (0, 3, 5)]
        assert rows == [vnextract.extract(t).to_dict() for t in texts]
        lines = err.splitlines()
        assert lines[0] == f"{too_long}; skipped"
        assert lines[1].startswith(f"vnextract: {source}:3: invalid JSON")
        assert lines[2].startswith(f"vnextract: {source}:5: not UTF-8")
        assert len(lines) == 3
    elif on_error == "record":
        assert code == cli.EXIT_SKIPPED
        assert [r.get("id") for r in rows] == [1, 2, None, 4, None, 6]  # one line per input line
        assert rows[1] == {
            "id": 2,
            "source": f"{source}:2",
            "error": "text too long (114 characters, more than --max-length 60)",
        }
        assert rows[2]["source"] == f"{source}:3" and rows[2]["error"].startswith("invalid JSON")
        assert rows[4]["source"] == f"{source}:5" and rows[4]["error"].startswith("not UTF-8")
        assert "error" not in rows[3] and rows[3]["counts"][0]["value"] == 1200
        assert err.splitlines()[0] == f"{too_long}; recorded"
    else:
        assert code == cli.EXIT_STOPPED
        assert [r["id"] for r in rows] == [1]
        assert err == f"{too_long}; stopping\n"


def test_recorded_errors_are_csv_rows_of_kind_error(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": "một"}', "oops", '{"id": "c"}'])
    out = tmp_path / "out.csv"
    argv = [
        "extract",
        str(source),
        "--keep",
        "id",
        "--on-error",
        "record",
        "--columns",
        "id,source,kind,text",
    ]
    assert run(*argv, "-o", str(out)) == cli.EXIT_SKIPPED
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["id", "source", "kind", "text"]
    assert [r[2] for r in rows[1:]][-2:] == ["error", "error"]
    assert rows[-2:] == [
        ["", f"{source}:2", "error", "invalid JSON (Expecting value at column 1)"],
        ["c", f"{source}:3", "error", "no 'text' key (keys: id; use --text-key to name the text field)"],
    ]
    assert all(r[0] == "a" and r[2] != "error" for r in rows[1:-2])  # the good document's records
    assert "; recorded" in capsys.readouterr().err


def test_record_refuses_a_kept_field_named_like_its_keys(capsys):
    with pytest.raises(SystemExit):
        run("extract", "--keep", "error", "--on-error", "record", "--input-format", "jsonl", "x")
    assert "--keep error would overwrite an output key" in capsys.readouterr().err


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the fake extract needs fork")
def test_a_dead_worker_is_named_by_its_document_and_stops_the_run(tmp_path, sample_extract, capsys):
    lines = [json.dumps({"id": i, "text": "DIE" if i == 5 else f"văn bản {i}"}) for i in range(12)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    assert (
        run("extract", str(source), "--keep", "id", "--n-process", "2", "-o", str(out)) == cli.EXIT_INTERNAL
    )
    err = capsys.readouterr().err
    assert re.fullmatch(
        rf"vnextract: worker process \d+ died \(exit code 3\) while extracting {re.escape(str(source))}:6; "
        r"output so far is kept\n",
        err,
    ), err
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert written == list(range(len(written))) and len(written) <= 5  # in order, none after it
    assert multiprocessing.active_children() == []


# ----------------------------------------------------------------------------- other formats


def test_csv_has_one_row_per_record_with_exact_values(tmp_path, sample_extract):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"id": "x1", "text": "một"}'])
    out = tmp_path / "out.csv"
    assert run("extract", str(source), "--format", "csv", "--keep", "id", "-o", str(out)) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == ["id", "source", *COLUMNS]
    assert len(rows) == 12
    money = next(r for r in rows if r["kind"] == "money")
    assert (money["id"], money["source"], money["amount"], money["currency"], money["qualifier"]) == (
        "x1",
        f"{source}:1",
        "504000000",
        "VND",
        "more_than",
    )
    person = next(r for r in rows if r["kind"] == "person")
    assert json.loads(person["titles"]) == ["Phó Chủ tịch Thường trực UBND tỉnh Bình Dương"]
    assert next(r for r in rows if r["kind"] == "quantity")["value"] == "3.5"
    assert next(r for r in rows if r["kind"] == "date")["latest"] == ""


def test_csv_cells_of_kept_json_values_are_json(tmp_path, sample_extract):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"meta": {"a": [1, "ư"]}, "ok": true, "text": "một"}'])
    out = tmp_path / "out.csv"
    argv = ["extract", str(source), "--format", "csv", "--keep", "meta", "--keep", "ok", "-o", str(out)]
    assert run(*argv, "--columns", "meta,ok,kind") == 0
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[1] == ['{"a": [1, "ư"]}', "true", "date"]


def test_csv_columns_can_be_chosen(tmp_path, sample_extract):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"id": 3, "text": "một"}'])
    out = tmp_path / "out.csv"
    argv = ["extract", str(source), "--format", "csv", "--keep", "id", "-o", str(out)]
    assert run(*argv, "--columns", "id,kind,amount,currency") == 0
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[0] == ["id", "kind", "amount", "currency"]
    assert ["3", "money", "504000000", "VND"] in rows


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--columns", "kind,colour"], "unknown --columns ['colour']"),
        (["--columns", "kind", "--format", "table"], "csv"),
    ],
    ids=["unknown-column", "not-csv"],
)
def test_bad_csv_columns_are_usage_errors(tmp_path, extra, message, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "một"}'])
    argv = ["extract", str(source), "--format", "csv", *extra]
    with pytest.raises(SystemExit) as exit_info:
        run(*argv)
    assert exit_info.value.code == cli.EXIT_USAGE
    assert message in capsys.readouterr().err


def test_table_shows_labels_and_normalised_values(tmp_path, sample_extract):
    source = tmp_path / "a.txt"
    source.write_text("một", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run("extract", str(source), "--format", "table", "-o", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    length = len(sample_document().text)
    assert lines[0] == f"== {source}  ({length} characters, published 2015-08-24T07:38)"
    money = next(line for line in lines if line.startswith("MONEY"))
    assert "hơn 504 triệu đồng" in money
    assert money.endswith("504.000.000 VND (hơn)")


def test_table_prints_a_fine_once_with_its_money_inside(tmp_path):
    # "tiền phạt hơn 504 triệu đồng" (a fine of more than 504 million dong): the fine and its
    # money have the same span; the table used to print a FINE and a MONEY line for it.
    source = tmp_path / "a.txt"
    source.write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run("extract", str(source), "--format", "table", "-o", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    on_money = [line for line in lines if "hơn 504 triệu đồng" in line]
    assert len(on_money) == 1, lines
    assert on_money[0].startswith("FINE")
    assert on_money[0].endswith("phạt 504.000.000 VND (hơn); vi phạm: 144 trường hợp")
    assert not any(line.startswith("MONEY") for line in lines)
    # the JSON output still has both records: only the table says it once
    assert run("extract", str(source), "-o", str(tmp_path / "out.jsonl")) == 0
    doc = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [m["text"] for m in doc["money"]] == [f["text"] for f in doc["fines"]] == ["hơn 504 triệu đồng"]


def test_table_labels_are_coloured_on_a_terminal_unless_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    item = cli.Item("a.txt", {}, "x")
    plain = table_text(item, sample_document())
    coloured = table_text(item, sample_document(), colour=True)
    assert "\x1b[" not in plain
    money = next(line for line in coloured.splitlines() if "MONEY" in line)
    assert money.startswith("\x1b[48;2;134;239;172m")  # #86efac, the renderer's money colour
    assert "\x1b[0m " in money

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    def colour(fmt: str) -> bool:
        writer = cli.Writer(fmt, Terminal(), [])
        writer.close()
        return writer.colour

    assert colour("table")
    assert not colour("csv")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour("table")


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("o.csv", "source,kind,"),
        ("o.html", "<!DOCTYPE html>"),
        ("o.txt", "== "),
        ("o.jsonl", '{"persons"'),
        ("o", '{"persons"'),  # no suffix: JSONL
    ],
)
def test_output_format_follows_the_file_suffix(tmp_path, sample_extract, name, starts):
    source = tmp_path / "a.txt"
    source.write_text("một", encoding="utf-8")
    out = tmp_path / name
    assert run("extract", str(source), "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_html_output_is_a_page_with_highlights(tmp_path, sample_extract):
    source = tmp_path / "a.txt"
    source.write_text("một", encoding="utf-8")
    out = tmp_path / "out.html"
    assert run("extract", str(source), "--format", "html", "-o", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert 'title="504.000.000 VND (hơn)"' in page


def test_html_headings_name_the_source_and_kept_fields(tmp_path, sample_extract):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"id": "a<1>", "text": "một"}'])
    out = tmp_path / "out.html"
    assert run("extract", str(source), "--keep", "id", "--format", "html", "-o", str(out)) == 0
    assert f'<h2 style="font-family: sans-serif">{source}:1 · id=a&lt;1&gt;</h2>' in out.read_text("utf-8")


# ----------------------------------------------------------------------------- progress, processes


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path, sample_extract, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", ['{"text": "một"}', '{"text": "hai"}'])
    assert run("extract", str(source), "-o", str(tmp_path / "o1")) == 0
    assert capsys.readouterr().err == ""  # stderr is not a terminal here
    assert run("extract", str(source), "--progress", "-o", str(tmp_path / "o2")) == 0
    assert "2/2" in capsys.readouterr().err


def test_progress_bar_ends_at_the_number_of_documents(tmp_path, sample_extract, capsys):
    source = _write(
        tmp_path / "in.jsonl", b'{"text": "m\xe1\xbb\x99t"}\n\n{"text": "hai"}'
    )  # blank, no last \\n
    assert count_lines([str(source)]) == 3
    assert run("extract", str(source), "--progress", "-o", str(tmp_path / "o")) == 0
    final = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert final.startswith("100%") and " 2/2 " in final


def test_several_processes_keep_input_order(tmp_path):
    import inspect

    if "n_process" not in inspect.signature(pipeline.pipe).parameters:
        pytest.skip("pipe() has no n_process yet (issue 7)")
    texts = [f"Tuyên dương {n} tập thể." for n in range(1, 7)]
    source = write_jsonl(
        tmp_path / "in.jsonl", [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    )
    out = tmp_path / "out.jsonl"
    assert run("extract", str(source), "--keep", "id", "--n-process", "2", "-o", str(out)) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == list(range(6))
    assert [{k: v for k, v in r.items() if k != "id"} for r in rows] == [
        vnextract.extract(t).to_dict() for t in texts
    ]


# ----------------------------------------------------------------------------- info, help, console script


def test_info_lists_version_and_data_sources(capsys):
    assert run("info") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"vnextract {vnextract.__version__}\n")
    assert "word segmentation: underthesea's CRF model ws_crf_vlsp2013_20230727, tags computed by" in out
    data = {name: sources for name, _n, _header, sources in cli.data_files()}
    assert data  # the package ships its lexicons
    assert "  places_vn.tsv: " in out and "source: vietnamadminunits" in out
    for name in data:
        assert f"  {name}: " in out
    with_sources = [name for name, sources in data.items() if sources]
    for name in with_sources:
        assert f"    source: {data[name][0]}" in out


def test_evaluate_scores_entities_of_a_gold_file(tmp_path, capsys):
    text = "Ông Trần Thanh Liêm làm việc tại Bộ Y tế ở Hà Nội."
    entities = [
        {"type": t, "start": text.index(s), "end": text.index(s) + len(s), "text": s}
        for t, s in (("PER", "Trần Thanh Liêm"), ("ORG", "Bộ Y tế"), ("LOC", "Hà Nội"))
    ]
    gold = write_jsonl(
        tmp_path / "gold.jsonl", [json.dumps({"id": "g1", "text": text, "entities": entities})]
    )
    assert run("evaluate", str(gold), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert json.dumps(result)  # one JSON object with the scores
    assert run("evaluate", str(gold)) == 0
    table = capsys.readouterr().out
    assert "exact.PER" in table and "overlap.micro" in table


def test_schema_prints_the_json_schema_of_to_dict(capsys):
    from vnextract.output import schema

    assert run("schema") == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == schema.json_schema()
    assert list(printed["properties"]) == list(sample_document().to_dict())


def test_an_internal_error_is_one_line_and_exit_4(monkeypatch, capsys):
    def broken() -> list:
        raise RuntimeError("lexicon missing")

    monkeypatch.setattr(cli_info, "data_files", broken)
    monkeypatch.delenv("VNEXTRACT_DEBUG", raising=False)
    assert run("info") == cli.EXIT_INTERNAL
    assert (
        capsys.readouterr().err
        == "vnextract: internal error, please report it: RuntimeError: lexicon missing\n"
    )
    monkeypatch.setenv("VNEXTRACT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("info")


def test_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit):
        run("extract", "--help")
    out = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130", "141"):
        assert f"  {code}" in out


def test_console_script_reads_stdin_and_survives_a_closed_pipe(tmp_path):
    script = Path(sys.executable).with_name("vnextract")
    if not script.exists():
        pytest.skip("console script not installed next to this Python")
    done = subprocess.run(
        [str(script), "extract", "-"], input=SENTENCE.encode(), capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == vnextract.extract(SENTENCE).to_dict()
    many = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"text": "Tuyên dương 13 tập thể."})] * 30)
    shell = f"{script} extract {many} | head -n 1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, timeout=120)
    assert done.stderr == b""
    assert done.returncode in (0, cli.EXIT_BROKEN_PIPE)
    assert len(done.stdout.splitlines()) == 1


# ----------------------------------------------------------------------------- issue 17: never silently wrong


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_jsonl_on_stdin_is_read_as_jsonl_and_said_once(monkeypatch, capsysbinary):
    lines = ['{"id": "a", "text": "Phạt 5 triệu đồng."}', "", '{"id": "b", "text": "Hơn 1.200 hộ dân."}']
    _stdin(monkeypatch, "\n".join(lines).encode())
    assert run("extract", "--keep", "id") == cli.EXIT_OK
    out, err = capsysbinary.readouterr()
    docs = [json.loads(line) for line in out.decode().splitlines()]
    assert [(d["id"], d["money"][0]["amount"] if d["money"] else None) for d in docs] == [
        ("a", 5_000_000),
        ("b", None),
    ]
    assert docs[1]["counts"][0]["start"] == 0  # offsets into the text, not into the JSON line
    assert err.decode() == (
        "vnextract: standard input is JSONL (every line a JSON object): reading it as --input-format jsonl\n"
    )


def test_stdin_that_only_starts_like_jsonl_is_refused_with_a_hint(monkeypatch, capsys):
    _stdin(monkeypatch, b'{"text": "Phat 5 trieu dong."}\nnot json\n')
    assert run("extract") == cli.EXIT_SKIPPED
    assert "not every line is one: choose --input-format jsonl" in capsys.readouterr().err


def test_stdin_text_that_merely_contains_braces_stays_text(monkeypatch, capsysbinary):
    text = "Ông A nói: {không} phạt 5 triệu đồng."
    _stdin(monkeypatch, text.encode())
    assert run("extract") == cli.EXIT_OK
    out, err = capsysbinary.readouterr()
    assert json.loads(out)["money"][0]["text"] == "5 triệu đồng" and err == b""
    _stdin(monkeypatch, b'{"text": "x"}\n')
    assert run("extract", "--input-format", "text") == cli.EXIT_OK  # asked for: taken as text
    assert capsysbinary.readouterr().err == b""


def test_parquet_output_is_typed_and_reads_back(tmp_path, reference_article):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [json.dumps({"id": 7, "text": reference_article}, ensure_ascii=False), '{"id": 8}'],
    )
    out = tmp_path / "o.parquet"
    assert run("extract", str(source), "--keep", "id", "--on-error", "record", "-o", str(out)) == 1
    table = pd.read_parquet(out)
    expected = vnextract.extract(reference_article).to_frame()
    assert list(table.columns) == ["id", "source", *COLUMNS]
    records = table[table.kind != "error"]
    assert records.text.tolist() == expected.text.tolist()
    assert records.amount.dropna().tolist() == expected.amount.dropna().tolist()
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {field.name: field.type for field in pq.read_schema(out)}
    assert (types["amount"], types["start"]) == (pa.float64(), pa.int64())
    assert pa.types.is_timestamp(types["earliest"])  # Parquet stores seconds as milliseconds
    assert (types["id"], types["titles"]) == (pa.string(), pa.string())  # lists in JSON, as in the CSV
    assert set(records.id) == {"7"}  # --keep fields are text, as in the CSV
    error = table[table.kind == "error"].iloc[0]
    assert (error.id, error.source) == ("8", f"{source}:2") and "no 'text' key" in error.text


def test_parquet_needs_a_file_and_unknown_suffixes_are_refused(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Phạt 5 triệu đồng.", encoding="utf-8")
    for argv, message in [
        (["--format", "parquet"], "Parquet is written to a file: give -o FILE.parquet"),
        (["-o", str(tmp_path / "x.tsv")], "no output format for '.tsv'"),
        (["-o", str(tmp_path / "x.jsonl.gz")], "no output format for '.gz'"),
    ]:
        with pytest.raises(SystemExit) as info:
            run("extract", str(source), *argv)
        assert info.value.code == cli.EXIT_USAGE
        assert message in capsys.readouterr().err
    assert not (tmp_path / "x.tsv").exists()
    assert run("extract", str(source), "--format", "csv", "-o", str(tmp_path / "x.tsv")) == 0  # asked for


def test_keep_on_plain_text_warns_once(tmp_path, sample_extract, capsys):
    files = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("một", encoding="utf-8")
        files.append(str(tmp_path / name))
    assert run("extract", *files, "--keep", "id", "-o", str(tmp_path / "o.jsonl")) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"vnextract: warning: --keep id: {files[0]} is plain text, which has no fields")


def test_a_wrong_text_key_is_said_once_with_the_keys_seen(tmp_path, sample_extract, capsys):
    lines = [json.dumps({"id": i, "text": "một", "title": "t"}) for i in range(100)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    assert run("extract", str(source), "--text-key", "body", "-o", str(tmp_path / "o")) == cli.EXIT_SKIPPED
    assert capsys.readouterr().err.splitlines() == [
        f"vnextract: {source}:1: no 'body' key (keys: id, text, title; use --text-key to name the text "
        "field); skipped",
        "vnextract: 99 more inputs with no 'body' key (not shown)",
    ]


def test_json_errors_read_naturally(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "abc', encoding="utf-8")  # cut short
    assert run("extract", str(source), "-o", str(tmp_path / "o")) == cli.EXIT_SKIPPED
    err = capsys.readouterr().err
    assert "(Unterminated string starting at column 19)" in err and "at at" not in err


def test_lone_surrogates_are_reported_and_the_run_goes_on(tmp_path, capsys):
    # JSON escapes of half a UTF-16 pair: json.loads gives a str that UTF-8 cannot encode
    lines = [
        '{"id": 1, "text": "Phạt 5 triệu đồng \\ud800."}',
        '{"id": "\\udc00", "text": "Hơn 1.200 hộ dân."}',
        '{"id": 3, "text": "Tuyên dương 13 tập thể."}',
    ]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "o.jsonl"
    argv = ["extract", str(source), "--keep", "id", "--on-error", "record", "-o", str(out)]
    assert run(*argv) == cli.EXIT_SKIPPED
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [1, "\ufffd", 3]  # a kept field has it replaced
    assert "lone surrogate U+D800 at character 18" in docs[0]["error"]
    assert docs[2]["counts"][0]["text"] == "13 tập thể"
    assert "lone surrogate U+D800" in capsys.readouterr().err


def test_python_m_vnextract_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vnextract", "--help"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.startswith("usage: vnextract ")


def test_help_does_not_load_the_pipeline() -> None:
    # `vnextract --help` used to import every recogniser and underthesea (0.8 s); see docs/cli.md
    code = (
        "import sys\nfrom vnextract import cli\ntry:\n    cli.main(['extract', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('underthesea', 'vnextract.pipeline') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("signum", [15, 9], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_run_leaves_no_workers_behind(tmp_path, signum):
    import signal

    script = Path(sys.executable).parent / "vnextract"
    out = str(tmp_path / "o.jsonl")
    argv = [str(script), "extract", "--input-format", "jsonl", "--n-process", "2", "-o", out]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        workers = children_within(proc.pid, 2, 120)  # the workers load their models first
        assert len(workers) >= 2, workers
        os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=60)
        if signum == signal.SIGTERM:  # unwound like Ctrl-C: workers stopped, output flushed
            assert proc.returncode == cli.EXIT_TERMINATED
            assert err == "vnextract: terminated (SIGTERM); output so far is kept\n"
        assert gone_within(workers, 60) == []
    finally:
        proc.kill()
        for pid in children_of(proc.pid):
            os.kill(pid, 9)


def test_date_key_gives_each_jsonl_line_its_own_reference_date(tmp_path, sample_extract):
    import datetime as dt

    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"text": "một", "published": "2015-06-02"}),
            json.dumps({"text": "hai", "published": "2026-08-20T07:30:00+07:00"}),
            json.dumps({"text": "ba", "published": None}),
            json.dumps({"text": "bốn"}),
        ],
    )
    argv = ["extract", str(source), "--date-key", "published", "--reference-date", "2021-06-15"]
    assert run(*argv, "-o", str(tmp_path / "o")) == 0
    assert sample_extract == [
        ("một", dt.date(2015, 6, 2)),
        ("hai", dt.date(2026, 8, 20)),
        ("ba", dt.date(2021, 6, 15)),  # null or missing: --reference-date
        ("bốn", dt.date(2021, 6, 15)),
    ]


def test_a_date_key_value_that_is_no_date_is_a_bad_input(tmp_path, capsys):
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"text": "Hôm qua, mưa lớn.", "day": "hôm nay"}),
            json.dumps({"text": "Hôm qua.", "day": "2026-08-20"}),
        ],
    )
    out = tmp_path / "o.jsonl"
    assert run("extract", str(source), "--date-key", "day", "-o", str(out)) == cli.EXIT_SKIPPED
    message = "in.jsonl:1: 'day' is not a date (YYYY-MM-DD, or an ISO date-time): 'hôm nay'; skipped"
    assert message in capsys.readouterr().err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[d["iso"] for d in r["dates"]] for r in rows] == [["2026-08-19"]]


def test_table_has_a_line_per_event(tmp_path):
    """A real extraction: the event's line gives its kind, status and fields on one line."""
    source = tmp_path / "a.txt"
    source.write_text("Công ty A bị Sở Y tế xử phạt 85 triệu đồng do quảng cáo sai.", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run("extract", str(source), "--format", "table", "-o", str(out)) == 0
    event = next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("EVENT"))
    assert event.endswith(
        "fine · imposed; đối tượng (target): Công ty A; cơ quan (authority): Sở Y tế; "
        "lý do (reason): do quảng cáo sai; tiền (money): 85.000.000 VND"
    )


def test_table_names_the_person_a_short_mention_stands_for(tmp_path):
    """The table gives the target's full name, then the words of the clause ("Hùng")."""
    source = tmp_path / "a.txt"
    source.write_text(
        "Bị cáo Nguyễn Văn Hùng bị bắt năm 2020. Sáng 12/3, TAND tỉnh Bắc Giang mở phiên tòa. "
        "HĐXX tuyên phạt Hùng 18 năm tù về tội giết người.",
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    assert run("extract", str(source), "--format", "table", "-o", str(out)) == 0
    event = next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("EVENT"))
    assert (
        "đối tượng (target): Nguyễn Văn Hùng («Hùng»); cơ quan (authority): TAND tỉnh Bắc Giang («HĐXX»)"
    ) in event
