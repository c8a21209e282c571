"""pipe(): input order, streaming, worker processes (fork and spawn), errors and Ctrl-C."""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import vnextract
from processes import alive, gone_within
from vnextract.errors import InvalidUTF8Error, TextTooLongError
from vnextract.parallel import PipeError

REFERENCE_DATE = dt.date(2021, 6, 15)  # tests never depend on today()

#: Short news sentences written for these tests ("fined 5 million dong", "more than 1,200
#: households", "yesterday the Ministry of Health announced", …).
OWN_SENTENCES = [
    "Ngành đã xử phạt 144 trường hợp với số tiền phạt hơn 504 triệu đồng.",
    "Hơn 1.200 hộ dân ở huyện Nhà Bè bị ảnh hưởng.",
    "Hôm qua, Bộ Y tế công bố thêm 35 ca mắc COVID-19.",
    "Ông Trần Thanh Liêm, Chủ tịch UBND tỉnh Bình Dương, dự hội nghị ngày 24/8/2015.",
    "Giá xăng tăng gần 50 phần trăm trong quý II/2024.",
    "",
    "Không có số nào ở đây.",
]


def _children() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "vnextract-pipe"]


@pytest.fixture(scope="module")
def texts(reference_article: str) -> list[str]:
    """The reference article line by line, then our own sentences: about 40 texts."""
    lines = [line for line in reference_article.splitlines() if line.strip()]
    return lines + OWN_SENTENCES


@pytest.fixture(scope="module")
def expected(texts: list[str]) -> list[vnextract.Document]:
    return [vnextract.extract(t, reference_date=REFERENCE_DATE) for t in texts]


def test_one_process_equals_extract_in_input_order(texts: list[str], expected: list) -> None:
    docs = list(vnextract.pipe(texts, reference_date=REFERENCE_DATE))
    assert docs == expected
    assert [d.text for d in docs] == texts


@pytest.mark.parametrize("start_method", ["fork", "spawn", "forkserver"])
def test_two_processes_equal_extract_in_input_order(
    start_method: str, texts: list[str], expected: list
) -> None:
    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{start_method} is not available on this platform")
    docs = list(
        vnextract.pipe(
            texts, n_process=2, batch_size=3, reference_date=REFERENCE_DATE, start_method=start_method
        )
    )
    assert docs == expected
    assert _children() == []


def test_as_tuples_keeps_contexts_in_the_parent(texts: list[str], expected: list) -> None:
    # Lambdas cannot be pickled: they can only come back if they never left this process.
    contexts = [lambda i=i: i for i in range(len(texts))]
    out = list(
        vnextract.pipe(
            zip(texts, contexts, strict=True),
            n_process=2,
            batch_size=4,
            as_tuples=True,
            reference_date=REFERENCE_DATE,
        )
    )
    assert [doc for doc, _ in out] == expected
    assert [context() for _, context in out] == list(range(len(texts)))


def test_as_tuples_refuses_a_bare_string() -> None:
    with pytest.raises(PipeError, match=r"text #1: .*\(text, context\) pair") as info:
        list(vnextract.pipe([("Phạt 5 triệu đồng.", 0), "Phạt 6 triệu đồng."], as_tuples=True))
    assert info.value.index == 1


@pytest.mark.parametrize("n_process", [1, 2])
def test_input_is_read_lazily_and_early_stop_ends_the_workers(n_process: int) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"Ngày {i % 28 + 1}/5/2020, tỉnh phạt {i} triệu đồng."

    docs = vnextract.pipe(endless(), n_process=n_process, batch_size=4)
    first = list(itertools.islice(docs, 5))
    assert [d.text for d in first] == [f"Ngày {i + 1}/5/2020, tỉnh phạt {i} triệu đồng." for i in range(5)]
    # At most 3 batches of 4 per worker are read ahead.
    assert consumed <= 5 + n_process * 3 * 4
    docs.close()  # type: ignore[attr-defined]
    assert _children() == []


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_text_names_its_index(n_process: int, texts: list[str]) -> None:
    bad: list[object] = [*texts[:7], 42, *texts[7:]]
    with pytest.raises(PipeError, match=r"^text #7: TypeError: .*int") as info:
        list(vnextract.pipe(bad, n_process=n_process, batch_size=2))
    assert info.value.index == 7
    assert isinstance(info.value.__cause__, TypeError)
    assert _children() == []


@pytest.mark.parametrize("n_process", [1, 2])
def test_documents_before_a_failing_text_come_out_first(
    n_process: int, texts: list[str], expected: list
) -> None:
    bad: list[object] = [*texts[:7], None, *texts[7:]]
    got = []
    with pytest.raises(PipeError, match=r"^text #7: TypeError"):
        for doc in vnextract.pipe(bad, n_process=n_process, batch_size=3, reference_date=REFERENCE_DATE):
            got.append(doc)
    assert got == expected[:7]


@pytest.mark.parametrize("n_process", [1, 2])
def test_return_exceptions_yields_the_error_in_place_and_goes_on(
    n_process: int, texts: list[str], expected: list
) -> None:
    bad: list[object] = [*texts[:7], 42, *texts[7:], b"\xff\xfe"]
    out = list(
        vnextract.pipe(
            zip(bad, range(len(bad)), strict=True),
            n_process=n_process,
            batch_size=3,
            as_tuples=True,
            reference_date=REFERENCE_DATE,
            return_exceptions=True,
        )
    )
    assert [context for _, context in out] == list(range(len(bad)))
    errors = {i: doc for i, (doc, _) in enumerate(out) if isinstance(doc, PipeError)}
    assert sorted(errors) == [7, len(bad) - 1]
    assert (errors[7].index, type(errors[7].__cause__)) == (7, TypeError)
    assert str(errors[len(bad) - 1]).startswith(f"text #{len(bad) - 1}: InvalidUTF8Error: ")
    assert [doc for doc, _ in out if not isinstance(doc, PipeError)] == expected
    assert _children() == []


def test_items_that_cannot_be_pickled_fail_in_place_instead_of_hanging() -> None:
    # A lambda cannot travel to a worker; the run must neither hang nor lose the order.
    signal.alarm(60)  # a hang fails the test instead of the whole run
    try:
        items: list[object] = ["Phạt 5 triệu đồng.", lambda: 1, "Hơn 1.200 hộ dân.", object()]
        out = list(vnextract.pipe(items, n_process=2, batch_size=2, return_exceptions=True))
    finally:
        signal.alarm(0)
    assert [type(d).__name__ for d in out] == ["Document", "PipeError", "Document", "PipeError"]
    assert [e.index for e in out if isinstance(e, PipeError)] == [1, 3]
    assert re.match(r"text #1: TypeError: .*function", str(out[1]))
    assert out[2] == vnextract.extract("Hơn 1.200 hộ dân.")


def test_vnextract_errors_keep_their_type_across_processes() -> None:
    (error,) = vnextract.pipe([b"H\xe0 N\xf4i"], n_process=2, return_exceptions=True)
    assert isinstance(error.__cause__, InvalidUTF8Error)
    assert error.__cause__.position == 1


def test_a_dead_worker_is_reported_with_the_text_it_was_on(texts: list[str]) -> None:
    docs = vnextract.pipe(texts * 20, n_process=2, batch_size=1)
    next(docs), next(docs)  # one text from each worker: both have loaded their models
    victim = _children()[0]
    assert victim.pid is not None
    os.kill(victim.pid, signal.SIGKILL)
    # "before": killed between two texts, before it started the batch it holds (a busy machine)
    died = rf"worker process {victim.pid} died \(exit code -9\) (while|before) extracting text #\d+"
    with pytest.raises(PipeError, match=died) as info:
        list(docs)
    assert info.value.index is not None and 0 < info.value.index < len(texts) * 20
    assert _children() == []


def test_keyboard_interrupt_while_reading_input_stops_the_workers(texts: list[str]) -> None:
    def interrupted() -> Iterator[str]:
        yield from texts
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(vnextract.pipe(interrupted(), n_process=2, batch_size=2))
    assert _children() == []


def test_ctrl_c_in_a_terminal_stops_everything_quickly() -> None:
    """SIGINT to the whole process group, as a terminal sends it: one clean exit, no orphans."""
    script = textwrap.dedent(
        """
        import itertools, multiprocessing, signal, sys, vnextract
        # as in a terminal: a shell that started the suite in the background (nohup, &) hands
        # down SIGINT ignored, and Python then never raises KeyboardInterrupt
        signal.signal(signal.SIGINT, signal.default_int_handler)
        texts = (f"Ông Nguyễn Văn An nộp phạt {i} triệu đồng." for i in itertools.count())
        docs = vnextract.pipe(texts, n_process=2, batch_size=2)
        try:
            next(docs)
            print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
            for _ in docs:
                pass
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(130)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    try:
        workers = [int(pid) for pid in proc.stdout.readline().split()]
        assert len(workers) == 2
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)  # a hang guard, not a speed check
    finally:  # a failed or hung run must not leave its infinite loop running
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "interrupted" in out
    assert "Traceback" not in err  # the workers ignore SIGINT: no traceback per process
    # every worker is gone (reaped by the parent before it exited); waiting is only a hang guard
    assert gone_within(workers, 60) == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n_process": 0}, ValueError, "n_process must be >= 1 or -1"),
        ({"n_process": 1.5}, TypeError, "n_process must be an int"),
        ({"batch_size": 0}, ValueError, "batch_size must be a positive int"),
        ({"reference_date": "2020-01-01"}, TypeError, "reference_date must be a datetime.date"),
    ],
    ids=["zero-processes", "float-processes", "zero-batch", "string-date"],
)
def test_bad_arguments_fail_at_call_time(kwargs: dict, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        vnextract.pipe(["Phạt 5 triệu đồng."], **kwargs)


def test_pipe_error_survives_pickling() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(PipeError("text #3: boom", index=3)))
    assert (str(err), err.index, err.reason) == ("text #3: boom", 3, "text #3: boom")
    err = pickle.loads(
        pickle.dumps(PipeError("text #3: ValueError: boom", index=3, reason="ValueError: boom"))
    )
    assert (str(err), err.index, err.reason) == ("text #3: ValueError: boom", 3, "ValueError: boom")


@pytest.mark.parametrize("n_process", [1, 2])
def test_max_length_reaches_every_process_and_the_reason_drops_the_index(n_process: int) -> None:
    from vnextract import parallel

    texts = ["Phạt 5 triệu đồng.", "Tuyên dương 13 tập thể và 24 cá nhân.", "Hơn 1.200 hộ dân."]
    if n_process == 1:
        out = list(
            parallel.pipe_serial(
                texts,
                extract=vnextract.extract,
                as_tuples=False,
                reference_date=None,
                return_exceptions=True,
                max_length=20,
            )
        )
    else:
        out = list(
            parallel.pipe_parallel(
                texts,
                extract=vnextract.extract,
                n_process=2,
                batch_size=1,
                as_tuples=False,
                reference_date=None,
                return_exceptions=True,
                max_length=20,
            )
        )
    assert [type(d).__name__ for d in out] == ["Document", "PipeError", "Document"]
    error = out[1]
    assert isinstance(error.__cause__, TextTooLongError)
    assert (error.__cause__.length, error.__cause__.max_length) == (37, 20)
    assert error.reason == "TextTooLongError: " + str(error.__cause__)
    assert str(error) == f"text #1: {error.reason}"
    assert out[2] == vnextract.extract(texts[2])


@pytest.mark.parametrize("n_process", [1, 2])
def test_public_pipe_takes_max_length(n_process: int) -> None:
    texts = ["Phạt 5 triệu đồng.", "Tuyên dương 13 tập thể và 24 cá nhân."]
    out = list(vnextract.pipe(texts, n_process=n_process, max_length=20, return_exceptions=True))
    assert isinstance(out[0], vnextract.Document) and out[0].money[0].amount == 5_000_000
    assert isinstance(out[1].__cause__, TextTooLongError)
    with pytest.raises(TypeError, match="max_length"):
        list(vnextract.pipe(texts, max_length="20"))  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- issue 17


def test_a_single_string_is_a_type_error_not_one_document_per_character() -> None:
    with pytest.raises(TypeError, match=r"an iterable of texts, got a single str; .*extract\(text\)"):
        vnextract.pipe("Phạt 5 triệu đồng.")


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_items_a_worker_cannot_unpickle_are_sent_as_plain_text(start_method: str) -> None:
    class Local(str):  # defined in a function: pickle cannot find it by name
        def __str__(self) -> str:
            return "X"

    signal.alarm(120)  # a hang (the queue's feeder thread dropped the item) fails this test only
    try:
        items = [memoryview("Phạt 5 triệu đồng.".encode()), Local("Hơn 1.200 hộ dân."), bytearray(b"Ha")]
        out = list(vnextract.pipe(items, n_process=2, batch_size=1, start_method=start_method))
    finally:
        signal.alarm(0)
    assert [d.text for d in out] == ["Phạt 5 triệu đồng.", "Hơn 1.200 hộ dân.", "Ha"]
    assert out[1] == vnextract.extract("Hơn 1.200 hộ dân.")


@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize("batch_size", [1, 4, 8])
def test_an_input_that_raises_loses_nothing_read_before_it(
    n_process: int, batch_size: int, texts: list[str], expected: list
) -> None:
    def failing() -> Iterator[str]:  # the caller's generator breaks at item 30
        yield from (texts * 3)[:30]
        raise OSError("connection reset")

    got = []
    raised = r"^text #30: reading the input raised OSError: connection reset \(the 30 texts before it were"
    with pytest.raises(PipeError, match=raised) as info:
        for doc in vnextract.pipe(failing(), n_process=n_process, batch_size=batch_size,
                                  reference_date=REFERENCE_DATE):  # fmt: skip
            got.append(doc)
    assert got == (expected * 3)[:30]
    assert info.value.index == 30 and isinstance(info.value.__cause__, OSError)
    assert _children() == []


_ENDLESS_PIPE = """
import itertools, multiprocessing, sys, vnextract
texts = (f"Ông Nguyễn Văn An nộp phạt {i} triệu đồng." for i in itertools.count())
docs = vnextract.pipe(texts, n_process=2, batch_size=2, start_method=sys.argv[1])
next(docs)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
sys.stdin.read()  # wait to be killed, the workers' queues full
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("start_method", ["fork", "spawn"])
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_their_parent_is_killed(start_method: str, signum: int) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _ENDLESS_PIPE, start_method],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    workers = [int(pid) for pid in proc.stdout.readline().split()]
    assert len(workers) == 2 and all(alive(p) for p in workers)
    proc.send_signal(signum)  # no clean-up runs in the parent
    proc.wait(timeout=60)
    left = gone_within(workers, 60)
    for pid in left:  # do not leave them behind when this test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []


# ----------------------------------------------------------------------------- one date per text

#: "Yesterday it rained hard." and "Yesterday it was sunny.", dated differently (own sentences)
DATED_NEWS = ["Hôm qua, mưa lớn.", "Hôm qua, trời nắng.", "Hôm qua, gió mạnh."]
PUBLISHED = [dt.date(2015, 6, 2), dt.date(2026, 8, 20), None]


@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize("lazy", [False, True], ids=["lists", "iterators"])
def test_reference_dates_give_each_text_its_own_date(n_process: int, lazy: bool) -> None:
    texts = iter(DATED_NEWS) if lazy else DATED_NEWS
    dates = iter(PUBLISHED) if lazy else PUBLISHED
    docs = list(vnextract.pipe(texts, reference_dates=dates, n_process=n_process, batch_size=2))
    assert [[d.iso for d in doc.dates] for doc in docs] == [["2015-06-01"], ["2026-08-19"], [None]]
    # the same as extract() with each text's own date
    one_by_one = zip(DATED_NEWS, PUBLISHED, strict=True)
    assert docs == [vnextract.extract(t, reference_date=d) for t, d in one_by_one]


def test_reference_dates_go_with_as_tuples_contexts() -> None:
    pairs = list(zip(DATED_NEWS, ["a", "b", "c"], strict=True))
    docs = vnextract.pipe(pairs, as_tuples=True, reference_dates=PUBLISHED)
    out = [(doc.dates[0].iso, ctx) for doc, ctx in docs]
    assert out == [("2015-06-01", "a"), ("2026-08-19", "b"), (None, "c")]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"reference_dates": PUBLISHED[:2]}, ValueError, r"2 date\(s\) for 3 text\(s\)"),
        ({"reference_dates": PUBLISHED, "reference_date": REFERENCE_DATE}, ValueError, "not both"),
        ({"reference_dates": REFERENCE_DATE}, TypeError, "use reference_date="),
        ({"reference_dates": "2021-06-15"}, TypeError, "iterable of dates"),
    ],
    ids=["shorter-list", "both", "one-date", "a-string"],
)
def test_reference_dates_mistakes_fail_at_call_time(
    kwargs: dict, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        vnextract.pipe(DATED_NEWS, **kwargs)


@pytest.mark.parametrize("n_process", [1, 2])
def test_lazy_reference_dates_of_another_length_fail_where_they_part(n_process: int) -> None:
    got: list[str | None] = []
    with pytest.raises(PipeError, match="reference_dates ended after 1 date") as short:
        for doc in vnextract.pipe(iter(DATED_NEWS), reference_dates=iter(PUBLISHED[:1]), n_process=n_process):
            got.append(doc.dates[0].iso)
    assert got == ["2015-06-01"]  # the text that had its date was extracted
    assert short.value.index == 1 and isinstance(short.value.__cause__, ValueError)
    longer = iter([*PUBLISHED, dt.date(2020, 1, 1)])
    with pytest.raises(PipeError, match="more dates than there are texts") as long:
        list(vnextract.pipe(iter(DATED_NEWS), reference_dates=longer, n_process=n_process))
    assert long.value.index == 3


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_reference_date_that_is_no_date_fails_in_its_place(n_process: int) -> None:
    out = list(
        vnextract.pipe(
            DATED_NEWS,
            reference_dates=[PUBLISHED[0], "2026-08-20", None],
            n_process=n_process,
            return_exceptions=True,
        )
    )
    assert isinstance(out[0], vnextract.Document) and isinstance(out[2], vnextract.Document)
    assert isinstance(out[1], PipeError) and out[1].index == 1
    assert "reference_date must be a datetime.date" in str(out[1])


def test_a_worker_killed_between_texts_is_said_to_die_before_the_next_one() -> None:
    from vnextract.errors import WorkerDeath

    death = WorkerDeath(41, -9, 2, 2, 3, started=False)
    assert death.describe() == (
        "worker process 41 died (exit code -9) before extracting text #2 (texts #2–#3 were in its batch)"
    )
    assert death.describe("news.jsonl:3", batch=False, explain=True) == (
        "worker process 41 died (exit code -9: killed, perhaps for lack of memory) "
        "before extracting news.jsonl:3"
    )
    assert WorkerDeath(41, 3, None, 0, 7).describe(batch=False) == (
        "worker process 41 died (exit code 3) while loading its models"
    )
