"""Which page of a long list was asked for, and how many there are: the notes list and the audit trail."""

from math import ceil

from flask import request


def requested_page() -> int:
    """``?page=`` as a number from 1; anything else (missing, 0, "abc", "-2") is the first page."""
    number = request.args.get("page", "1")
    return int(number) if number.isdigit() and int(number) > 0 else 1


def page_count(total: int, size: int) -> int:
    """At least one page, so an empty list still shows 'page 1 of 1'."""
    return max(1, ceil(total / size))
