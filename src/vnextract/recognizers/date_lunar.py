"""Vietnamese lunar calendar → Gregorian dates ("mùng 3 tháng 3 năm Tân Sửu" → 2021-04-14).

The Vietnamese lunar calendar is computed astronomically for the meridian UTC+7 (it differs
from the Chinese calendar, computed for UTC+8, in a few years). This is Hồ Ngọc Đức's
well-known algorithm: new moons and the sun's longitude from Meeus' low-precision series,
month 11 is the one holding the winter solstice, a leap month is the first month without a
major solar term in a 13-month year. Pure arithmetic, no table, no dependency.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache

_TZ = 7.0  # Vietnam: UTC+7
_JD_OFFSET = 1721425  # Julian day number = date.toordinal() + _JD_OFFSET


def _jd(day: dt.date) -> int:
    return day.toordinal() + _JD_OFFSET


def _date(jd: int) -> dt.date:
    return dt.date.fromordinal(jd - _JD_OFFSET)


def _new_moon(k: int) -> float:
    """Julian day (fractional, UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 -= 0.4068 * math.sin(mpr * dr) - 0.0161 * math.sin(dr * 2 * mpr)
    c1 -= 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 -= 0.0074 * math.sin(dr * (m - mpr)) - 0.0004 * math.sin(dr * (2 * f + m))
    c1 -= 0.0004 * math.sin(dr * (2 * f - m)) + 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _new_moon_day(k: int) -> int:
    """Julian day number of the local (UTC+7) day holding the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + _TZ / 24)


def _sun_longitude_sector(jdn: int) -> int:
    """Which of the 12 major solar terms (30° sectors) the sun is in at local midnight."""
    t = (jdn - 0.5 - _TZ / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    longitude -= math.pi * 2 * math.floor(longitude / (math.pi * 2))
    return math.floor(longitude / math.pi * 6)


@cache
def _month_11(year: int) -> int:
    """Julian day of the first day of lunar month 11 (the winter-solstice month) of ``year``."""
    off = _jd(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / 29.530588853)
    day = _new_moon_day(k)
    if _sun_longitude_sector(day) >= 9:
        day = _new_moon_day(k - 1)
    return day


def _leap_month_offset(a11: int) -> int:
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(day: int, month: int, year: int, *, leap: bool = False) -> dt.date | None:
    """Gregorian date of a Vietnamese lunar date, or None when it does not exist.

    >>> lunar_to_solar(3, 3, 2021)  # mùng 3 tháng 3 năm Tân Sửu
    datetime.date(2021, 4, 14)
    >>> lunar_to_solar(1, 1, 2021)  # Tết Nguyên đán Tân Sửu
    datetime.date(2021, 2, 12)
    """
    if not (1 <= day <= 30 and 1 <= month <= 12 and 1800 <= year <= 2199):
        return None
    if month < 11:
        a11, b11 = _month_11(year - 1), _month_11(year)
    else:
        a11, b11 = _month_11(year), _month_11(year + 1)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    off = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    start = _new_moon_day(k + off)
    following = _new_moon_day(k + off + 1)
    if day > following - start:  # the 30th of a 29-day month
        return None
    return _date(start + day - 1)


#: Year of the sexagenary cycle: (stem, branch) indices; Giáp Tý is index (0, 0) and 1984 is one.
def sexagenary_years(stem: int, branch: int) -> tuple[int, ...] | None:
    """Gregorian years (1804–2163) whose lunar year bears this stem and branch, or None.

    >>> sexagenary_years(7, 1)[2]  # Tân Sửu
    1961
    """
    if (stem - branch) % 2:
        return None  # stems and branches pair only with the same parity
    first = next(y for y in range(1804, 1864) if (y - 4) % 10 == stem and (y - 4) % 12 == branch)
    return tuple(range(first, 2164, 60))
