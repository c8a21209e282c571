"""vnextract.spark on a local[2] Spark: output equal to local extract(), record for record.

Runs when pyspark (the extra ``vnextract[spark]``) and a Java runtime are installed; CI installs
both, so these tests never skip there.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import vnextract

if os.environ.get("CI"):
    # CI installs the extra (.ci/run): a missing pyspark or Java there is an error, not a skip.
    import pyarrow  # noqa: F401
    import pyspark  # noqa: F401

    assert shutil.which("java") or os.environ.get("JAVA_HOME"), "Spark needs Java: install a JRE in CI"
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'vnextract[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'vnextract[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime (java not on PATH, JAVA_HOME unset)", allow_module_level=True)

from pyspark.sql import SparkSession

from duration_cases import EXACT_DURATIONS, REPEATING_DURATION, REPEATING_DURATIONS
from vnextract.output import schema
from vnextract.output.serialize import decimal_to_json
from vnextract.output.spark import extract_records

REFERENCE_DATE = dt.date(2021, 6, 15)

#: Sentences written for these tests ("fined 144 cases more than 504 million dong", …).
SENTENCES = [
    "Ngành đã xử phạt 144 trường hợp với số tiền phạt hơn 504 triệu đồng.",
    "Giá xăng tăng gần 50 phần trăm, tức 1,5 tỷ USD, trong quý II/2024.",
    "Ông Trần Thanh Liêm, Chủ tịch UBND tỉnh Bình Dương, dự hội nghị ngày 24/8/2015.",
    "Hôm qua, Bộ Y tế công bố thêm 35 ca mắc COVID-19.",
    "",
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    # The workers must run this interpreter, where vnextract is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("vnextract-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def texts(reference_article: str) -> list[str]:
    return [reference_article, *reference_article.split("\n\n"), *SENTENCES]


def _as_to_dict(value: Any) -> Any:
    """A collected Spark value written as to_dict() writes it (Decimal → int or plain string)."""
    if isinstance(value, Decimal):
        return decimal_to_json(value)
    if isinstance(value, dict):
        return {k: _as_to_dict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_to_dict(v) for v in value]
    return value


def _collected(df: Any, out_col: str = "extraction") -> dict[int, Any]:
    rows = df.orderBy("id").collect()
    return {
        row["id"]: None if row[out_col] is None else _as_to_dict(row[out_col].asDict(recursive=True))
        for row in rows
    }


def test_spark_output_equals_local_extract(spark: SparkSession, texts: list[str]) -> None:
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string").repartition(2)
    out = extract_records(df, reference_date=REFERENCE_DATE)
    got = _collected(out)
    expected = {i: vnextract.extract(t, reference_date=REFERENCE_DATE).to_dict() for i, t in enumerate(texts)}
    assert got == expected
    assert sum(len(d["money"]) + len(d["counts"]) for d in got.values()) >= 3  # real records compared


@pytest.mark.parametrize(
    "durations",
    [
        pytest.param(EXACT_DURATIONS, id="few-decimals"),
        pytest.param(REPEATING_DURATIONS, id="repeating-fraction", marks=REPEATING_DURATION),
    ],
)
def test_durations_come_out_of_spark_as_to_dict_has_them(spark: SparkSession, durations: list[str]) -> None:
    df = spark.createDataFrame(list(enumerate(durations)), "id long, text string")
    got = _collected(extract_records(df))
    expected = {i: vnextract.extract(t).to_dict() for i, t in enumerate(durations)}
    assert [len(d["durations"]) for d in expected.values()] == [1] * len(durations)  # real records
    assert got == expected


def test_schema_is_the_derived_one_and_columns_pass_through(spark: SparkSession) -> None:
    from pyspark.sql.pandas.types import from_arrow_type

    df = spark.createDataFrame([(1, "Phạt 5 triệu đồng.", 2.5)], "id long, text string, score double")
    out = extract_records(df, out_col="records")
    assert out.columns == ["id", "text", "score", "records"]
    column_type = out.schema["records"].dataType
    assert column_type == schema.spark_struct_type()
    assert column_type.fieldNames() == list(vnextract.extract("Phạt.").to_dict())
    # The Spark type and the Arrow type are derived separately from the same shape: they agree.
    assert column_type == from_arrow_type(schema.arrow_struct_type())
    assert out.select("score").first()[0] == 2.5


def test_null_text_gives_null_struct(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, None), (2, "Phạt 5 triệu đồng.")], "id long, text string")
    got = _collected(extract_records(df))
    assert got[1] is None
    assert got[2] == vnextract.extract("Phạt 5 triệu đồng.").to_dict()


def test_parquet_in_parquet_out(spark: SparkSession, tmp_path: Path, texts: list[str]) -> None:
    """The job of docs/spark.md: Parquet of texts in, Parquet of records out."""
    spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string").write.parquet(
        str(tmp_path / "texts")
    )
    texts_in = spark.read.parquet(str(tmp_path / "texts"))
    extract_records(texts_in, reference_date=REFERENCE_DATE).write.parquet(str(tmp_path / "records"))
    got = _collected(spark.read.parquet(str(tmp_path / "records")))
    expected = {i: vnextract.extract(t, reference_date=REFERENCE_DATE).to_dict() for i, t in enumerate(texts)}
    assert got == expected


def test_a_refused_text_fails_the_job_or_gives_null(spark: SparkSession) -> None:
    from pyspark.errors import PythonException

    df = spark.createDataFrame([(1, "Phạt 5 triệu đồng."), (2, "Ồ " * 6_000_000)], "id long, text string")
    got = _collected(extract_records(df, on_error="null"))
    assert got == {1: vnextract.extract("Phạt 5 triệu đồng.").to_dict(), 2: None}
    with pytest.raises(PythonException, match=r"PipeError: extract_records: text 'Ồ Ồ .*TextTooLongError"):
        extract_records(df).collect()


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"text_col": "body"}, ValueError, "no column 'body'"),
        ({"text_col": "id"}, TypeError, "must be a string column, got bigint"),
        ({"out_col": "id"}, ValueError, "already has a column 'id'"),
        ({"reference_date": "2021-06-15"}, TypeError, "reference_date must be a datetime.date"),
        ({"on_error": "skip"}, ValueError, "on_error must be 'raise' or 'null'"),
        ({"date_col": "published"}, ValueError, "no column 'published'"),
        ({"date_col": "text"}, TypeError, "must be a date or timestamp column, got string"),
    ],
    ids=[
        "missing-column",
        "not-a-string",
        "clash",
        "string-date",
        "unknown-on-error",
        "no-date-col",
        "string-date-col",
    ],
)
def test_bad_arguments_are_refused_before_any_job(
    spark: SparkSession, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    df = spark.createDataFrame([(1, "Phạt 5 triệu đồng.")], "id long, text string")
    with pytest.raises(error, match=message):
        extract_records(df, **kwargs)


def test_the_laptop_job_of_the_docs(tmp_path: Path) -> None:
    """docs/spark.md's job for one machine runs as written, in a fresh interpreter (it starts
    and stops its own local[*] session, which must not stop this module's)."""
    import subprocess

    from test_docs_examples import ROOT, blocks, expected_prints

    (block,) = [b for b in blocks(ROOT / "docs" / "spark.md") if 'master("local[*]")' in b.source]
    script = tmp_path / "job.py"
    script.write_text(block.source, encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, env=env,
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    (wanted,) = expected_prints(block.source).values()
    assert done.stdout.strip().splitlines()[-1] == wanted


def test_date_col_gives_each_row_its_own_reference_date(spark: SparkSession) -> None:
    """"Hôm qua" (yesterday) in texts published on different days (own sentences)."""
    rows = [
        (1, dt.date(2015, 6, 2), "Hôm qua, mưa lớn."),
        (2, dt.date(2026, 8, 20), "Hôm qua, trời nắng."),
        (3, None, "Hôm qua, gió mạnh."),
    ]
    df = spark.createDataFrame(rows, "id long, published date, text string")
    got = _collected(extract_records(df, date_col="published", reference_date=REFERENCE_DATE))
    assert {i: [d["iso"] for d in doc["dates"]] for i, doc in got.items()} == {
        1: ["2015-06-01"],
        2: ["2026-08-19"],
        3: [(REFERENCE_DATE - dt.timedelta(days=1)).isoformat()],  # null: the common date
    }
