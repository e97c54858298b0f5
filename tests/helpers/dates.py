"""Dates for tests that place notes months back, as if saved then."""

from datetime import datetime, timezone


def months_ago(months: int, now: datetime = None) -> datetime:
    """The same day `months` calendar months before now (the 28th at most, so every month has it)."""
    now = now or datetime.now(timezone.utc)
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    return now.replace(year=year, month=month + 1, day=min(now.day, 28))
