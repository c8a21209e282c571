"""Durations for the Arrow / Spark tests: values with a few decimals, and repeating fractions.

Shared by tests/test_schema.py, tests/test_frames.py and tests/test_spark.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from vnextract.output import schema


def _compound_duration_decimals() -> int:
    """Decimals the durations recogniser gives "2 năm 8 tháng" (2 years 8 months) today."""
    from vnextract.recognizers.durations import make_duration

    duration = make_duration("2 năm 8 tháng", 0, 5, Decimal(2), "year", None)
    assert duration is not None and duration.iso == "P2Y8M"
    exponent = duration.value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


#: 2 + 8/12 is 2.666666666666666666666666667 in the record (Python's 28 digits), and no Spark
#: decimal holds both that and "100 tỷ năm" (10^11 years): decimal(38, 9) keeps 9 places.
#: The fix is in the recogniser (round the compound's fraction to 9 places, as Arrow does); this
#: mark lifts itself once it gives 9 decimals or fewer.
REPEATING_DURATION = pytest.mark.xfail(
    _compound_duration_decimals() > schema.DECIMAL_SCALE,
    strict=True,
    reason="durations.py keeps 28 significant digits for '2 năm 8 tháng'; Arrow/Spark keep 9 decimals",
)

#: Durations whose value has a few decimals ("3 years 6 months", "a week and a half", "1 hour
#: 15 minutes") and ones with a repeating fraction ("2 years 8 months", "3 hours 20 minutes").
EXACT_DURATIONS = [
    "Bị cáo bị phạt 3 năm 6 tháng tù.",
    "Anh nghỉ phép một tuần rưỡi.",
    "Sau 1 giờ 15 phút, đám cháy được dập tắt.",
]
REPEATING_DURATIONS = ["Bị cáo lĩnh 2 năm 8 tháng tù.", "Sau 3 giờ 20 phút, đám cháy được dập tắt."]


DURATION_CASES = [
    *(
        pytest.param(t, id=i)
        for t, i in zip(EXACT_DURATIONS, ["3y6m", "week-and-a-half", "1h15m"], strict=True)
    ),
    *(
        pytest.param(t, id=i, marks=REPEATING_DURATION)
        for t, i in zip(REPEATING_DURATIONS, ["2y8m", "3h20m"], strict=True)
    ),
]
