"""Months as a case is told in them: a note's month and year, and the whole
months a plan has run. The conversation and the supervision app say both,
and must agree."""

from datetime import datetime


def month_year(iso: str) -> str:
    """'2026-07-14T09:30:00+00:00' -> 'July 2026': enough to place a note in its case."""
    return datetime.fromisoformat(iso).strftime("%B %Y")


def whole_months(start: datetime, end: datetime) -> int:
    """Whole calendar months from start to end: 14 July to 13 November is 3."""
    return max(0, (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day))
