"""Reading a birth date as people write it, into the ISO form the lists use.

Accepted forms (the README lists them too):

- ISO: ``1952-10-07``, ``1952-10``, ``1952``, also with ``/`` or ``.`` (``1952/10/07``)
  and a time after the date (``1952-10-07T00:00:00``), and compact ``19521007``;
- day first: ``07.10.1952``, ``07/10/1952``, ``07-10-1952``, ``7.10.52`` is refused (a
  two-digit year is a guess); month and year: ``10.1952``, ``10/1952``;
- month names in English or Russian, full or abbreviated, in any case and in the
  genitive: ``7 October 1952``, ``October 7, 1952``, ``Oct 1952``, ``7 октября 1952 г.``.

The day-first rule: ``dd/mm/yyyy`` as in most of the world and in Russian usage. Only
when the second number cannot be a month (``10/25/1952``) is it read month first.

Anything else (``yesterday``, ``30.02.1952``, a year before 1800 or in the future)
gives ``None``: the caller treats it as unknown evidence, never as a different date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Final

EARLIEST_YEAR: Final = 1800

_NUMERIC: Final = re.compile(r"^(\d{1,4})(?:([./-])(\d{1,4})(?:\2(\d{1,4}))?)?$")
_COMPACT: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_PART: Final = re.compile(r"[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_WORDS: Final = re.compile(r"\d+|[^\W\d_]+")
_YEAR_SUFFIXES: Final = ("г", "года", "год")


def parse_birth_date(text: str, today: date | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` for a date written in an accepted form, or None."""
    value = _TIME_PART.sub("", text.strip())
    if not value:
        return None
    latest = (today or date.today()).year
    found = _numeric(value) or _with_month_name(value)
    if found is None:
        return None
    year, month, day = found
    if not EARLIEST_YEAR <= year <= latest:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_Parts = tuple[int, int | None, int | None]


def _numeric(value: str) -> _Parts | None:
    compact = _COMPACT.match(value)
    if compact:
        return int(compact[1]), int(compact[2]), int(compact[3])
    match = _NUMERIC.match(value)
    if match is None:
        return None
    first, _, second, third = match.groups()
    if second is None:  # a year alone
        return (int(first), None, None) if len(first) == 4 else None
    if third is None:  # year and month, either way round
        if len(first) == 4:
            return int(first), int(second), None
        return (int(second), int(first), None) if len(second) == 4 else None
    if len(first) == 4:  # year first: always year, month, day
        return int(first), int(second), int(third)
    if len(third) != 4:
        return None  # a two-digit year is a guess about the century
    day, month = int(first), int(second)
    if month > 12 and day <= 12:  # cannot be day first: read month first (10/25/1952)
        day, month = month, day
    return int(third), month, day


def _with_month_name(value: str) -> _Parts | None:
    words = _WORDS.findall(value.casefold())
    while words and words[-1] in _YEAR_SUFFIXES:
        words.pop()
    months = [month for month in map(_month_number, words) if month is not None]
    numbers = [word for word in words if word.isdigit()]
    if len(months) != 1 or len(words) != len(numbers) + 1 or not 1 <= len(numbers) <= 2:
        return None
    years = [word for word in numbers if len(word) == 4]
    days = [word for word in numbers if len(word) <= 2]
    if len(years) != 1 or len(days) != len(numbers) - 1:
        return None
    return int(years[0]), months[0], int(days[0]) if days else None


def _month_number(word: str) -> int | None:
    """The month a word names: a prefix of three letters or more of a month name."""
    if len(word) < 3:
        return None
    for number, names in _month_names():
        if any(name.startswith(word) for name in names):
            return number
    return None


@cache
def _month_names() -> tuple[tuple[int, tuple[str, ...]], ...]:
    text = resources.files("screening").joinpath("data", "month_names.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            number, names = line.split("\t")
            rows.append((int(number), tuple(names.casefold().split("|"))))
    return tuple(rows)
