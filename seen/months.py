"""Months as a case is told in them: a note's month and year, and the whole
months a plan has run; and the month a board's detail was checked and when
it is due again. The conversation and the supervision app say both, and
must agree."""

from calendar import monthrange
from datetime import date, datetime


def month_year(iso: str) -> str:
    """'2026-07-14T09:30:00+00:00' -> 'July 2026': enough to place a note in its case."""
    return month_of(datetime.fromisoformat(iso))


def month_of(day: date) -> str:
    """'July 2026': also the month a board's detail was checked, as Seen says it and its pages show it."""
    return day.strftime("%B %Y")


def day_of(day: date) -> str:
    """'3 July 2026'."""
    return f"{day.day} {month_of(day)}"


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter): a detail's review date."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def whole_months(start: datetime, end: datetime) -> int:
    """Whole calendar months from start to end: 14 July to 13 November is 3."""
    return max(0, (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day))
