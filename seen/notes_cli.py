"""seen-notes: export, purge and delete reflection notes, for a board's data protection lead.

The database is DATABASE_URL, else the SQLite file instance/seen.db. It is
migrated first, so the command works on a new database. Every failure is one
line on stderr and an exit code, never a traceback.
"""

import argparse
import json
import os
import sys
from datetime import date
from typing import List, NoReturn, Optional

from seen.audit import CONSOLE, AuditLog
from seen.db import Database, DatabaseUnavailable, database_url, migrate
from seen.notes import NoteStore, format_reference, normalise_reference

NOT_FOUND = 1  # delete: no note with that reference
BAD_INPUT = 2  # as argparse: a bad date, reference or number
UNAVAILABLE = 3  # the database cannot be reached or written

EPILOG = """\
exit codes: 0 done, 1 no note with that reference, 2 bad input,
3 the notes database cannot be reached (DATABASE_URL, else instance/seen.db)"""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line: no usage block to read past."""

    def error(self, message: str) -> NoReturn:
        self.exit(BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (0 or more)")
    return days


def _reference(text: str) -> str:
    try:
        return format_reference(normalise_reference(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is {error}") from None


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="seen-notes", description=__doc__.splitlines()[0], epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser("export", help="print notes as JSON lines, oldest first")
    export.add_argument("--area", help="only this area's notes, by id (e.g. derby)")
    export.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this day (UTC), inclusive")
    export.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="to this day (UTC), inclusive")
    purge = commands.add_parser("purge", help="delete notes older than a number of days")
    purge.add_argument("--older-than", type=_days, required=True, metavar="DAYS")
    delete = commands.add_parser("delete", help="delete one note by its reference")
    delete.add_argument("reference", type=_reference, help="e.g. ABCD-EFGH (any case, dash optional)")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "export" and args.since and args.until and args.since > args.until:
        parser.error(f"--since {args.since} is after --until {args.until}")
    url = database_url()
    try:
        migrate(url)
        database = Database(url)
        return _run(args, NoteStore(database), AuditLog(database))
    except DatabaseUnavailable as error:
        print(f"seen-notes: the notes database cannot be used: {error}", file=sys.stderr)
        return UNAVAILABLE
    except BrokenPipeError:  # e.g. `seen-notes export | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace, store: NoteStore, audit: AuditLog) -> int:
    """Do the command; every export and deletion is written to the audit trail."""
    if args.command == "export":
        count = 0
        for note in store.export(area=args.area, since=args.since, until=args.until):
            sys.stdout.write(json.dumps(note, ensure_ascii=False) + "\n")
            count += 1
        sys.stdout.flush()
        used = [f"{k}={v}" for k, v in (("area", args.area), ("since", args.since), ("until", args.until)) if v]
        audit.record(CONSOLE, "exported notes", detail=f"{count} note(s); " + (", ".join(used) or "no filters"))
        return 0
    if args.command == "purge":
        deleted = store.delete_older_than(args.older_than)
        audit.record(CONSOLE, "purged notes", detail=f"{deleted} note(s) older than {args.older_than} days")
        print(f"Deleted {deleted} note{'' if deleted == 1 else 's'} older than {args.older_than} days.")
        return 0
    if store.delete(args.reference):
        audit.record(CONSOLE, "deleted note", args.reference)
        print(f"Deleted note {args.reference}.")
        return 0
    print(f"seen-notes: no note with reference {args.reference}; nothing deleted.", file=sys.stderr)
    return NOT_FOUND


if __name__ == "__main__":
    sys.exit(main())
