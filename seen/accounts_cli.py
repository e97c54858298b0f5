"""seen-accounts: create and manage supervision accounts from the console.

There is no default account and no default password: the first admin is made
here, e.g. `seen-accounts create alex --role admin`; a board editor, who edits
an area's local details and reads no notes, e.g. `seen-accounts create sam
--role editor --area derby` (or `seen-accounts change sam --role editor --area
derby` for an existing account). Passwords are asked for
twice at a prompt that doesn't echo, or read from the first line of stdin with
--password-stdin (for scripts); never from the command line, where other
users could see them. Every change is written to the audit trail.
"""

import argparse
import getpass
import sys
from typing import List, Optional

from seen import knowledge
from seen.accounts import ROLE_NAMES, ROLES, AccountError, AccountStore
from seen.audit import CONSOLE, AuditLog
from seen.db import Database, DatabaseUnavailable, database_url, migrate
from seen.notes_cli import BAD_INPUT, UNAVAILABLE, OneLineParser

EPILOG = """\
exit codes: 0 done, 2 bad input (an unknown area, a short password, a taken
user name...), 3 the database cannot be reached (DATABASE_URL, else instance/seen.db)"""


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="seen-accounts", description=__doc__.splitlines()[0], epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    create = commands.add_parser("create", help="create an account")
    create.add_argument("username")
    create.add_argument("--role", choices=ROLES, default="supervisor",
                        help="supervisor (reads notes), editor (a board editor: edits local details, "
                             "reads no notes) or admin (everything, every area); default supervisor")
    create.add_argument("--area", action="append", default=[], metavar="AREA",
                        help="an area whose notes the supervisor sees, or whose local details the editor "
                             "edits, by id (repeat for more; one at least): "
                             + ", ".join(sorted(knowledge.default().areas)))
    create.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    change = commands.add_parser("change", help="change an account's role or areas (from its next request)")
    change.add_argument("username")
    change.add_argument("--role", choices=ROLES, help="the new role; unchanged if left out")
    change.add_argument("--area", action="append", metavar="AREA",
                        help="the account's areas from now on (repeat for more); unchanged if left out")
    commands.add_parser("list", help="list accounts")
    password = commands.add_parser("set-password", help="set a new password (also unlocks and signs out)")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    for name, text in (("disable", "stop an account signing in"), ("enable", "let an account sign in again"),
                       ("unlock", "lift a lockout after failed sign-ins")):
        commands.add_parser(name, help=text).add_argument("username")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    url = database_url()
    try:
        migrate(url)
        database = Database(url)
        return _run(args, AccountStore(database, known_areas=knowledge.default().areas), AuditLog(database))
    except AccountError as error:
        print(f"seen-accounts: {error}", file=sys.stderr)
        return BAD_INPUT
    except DatabaseUnavailable as error:
        print(f"seen-accounts: the database cannot be used: {error}", file=sys.stderr)
        return UNAVAILABLE
    except (KeyboardInterrupt, EOFError):
        print("\nseen-accounts: stopped; nothing changed.", file=sys.stderr)
        return BAD_INPUT


def _run(args: argparse.Namespace, accounts: AccountStore, audit: AuditLog) -> int:
    if args.command == "list":
        for a in accounts.all():
            status = "disabled" if not a.active else "locked" if a.locked else "active"
            areas = "all areas" if a.is_admin else ",".join(sorted(a.areas))
            print(f"{a.username}\t{a.role}\t{areas}\t{status}")
        return 0
    if args.command == "create":
        account = accounts.create(args.username, _password(args.password_stdin), args.role, args.area)
        audit.record(CONSOLE, "created account", account.username,
                     f"role={account.role}; areas={','.join(sorted(account.areas)) or '-'}")
        print(f"Created {ROLE_NAMES[account.role].lower()} {account.username}"
              + ("." if account.is_admin else f" for {', '.join(sorted(account.areas))}."))
        return 0
    if args.command == "change":
        account = accounts.update(args.username, role=args.role, areas=args.area)
        audit.record(CONSOLE, "changed account", account.username,
                     f"role={account.role}; areas={','.join(sorted(account.areas)) or '-'}; active={account.active}")
        print(f"{account.username} is now a {ROLE_NAMES[account.role].lower()}"
              + ("." if account.is_admin else f" for {', '.join(sorted(account.areas))}."))
        return 0
    if args.command == "set-password":
        accounts.set_password(args.username, _password(args.password_stdin))
        audit.record(CONSOLE, "set password", args.username.lower())
        print(f"New password set for {args.username}; it is unlocked and signed out everywhere.")
        return 0
    if args.command == "unlock":
        accounts.unlock(args.username)
    else:
        accounts.update(args.username, active=args.command == "enable")
    done = {"disable": "disabled", "enable": "enabled", "unlock": "unlocked"}[args.command]
    audit.record(CONSOLE, f"{done} account", args.username.lower())
    print(f"{done.capitalize()} {args.username}.")
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (12 characters or more): ")
    if getpass.getpass("Same password again: ") != first:
        raise AccountError("the two passwords differ; nothing changed")
    return first
