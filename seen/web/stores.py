"""The stores the app reads and writes through, one shared database, and the signed-in account.

Views never issue SQL: notes go through seen.notes, accounts through
seen.accounts, boards' local details through seen.board_details, the audit
trail through seen.audit.
"""

from dataclasses import dataclass
from typing import Dict, Iterable, Optional

from flask import Flask, current_app
from flask_login import UserMixin, current_user

from seen import knowledge
from seen.accounts import Account, AccountStore
from seen.audit import AuditLog
from seen.board_details import BoardDetails
from seen.db import Database
from seen.knowledge import Knowledge
from seen.notes import NoteStore
from seen.web.extensions import login_manager


@dataclass(frozen=True)
class Labels:
    """What ids in a note are called on screen, from knowledge/."""

    areas: Dict[str, str]
    roles: Dict[str, str]
    age_bands: Dict[str, str]
    flags: Dict[str, str]
    prompts: Dict[str, str]
    changes: Dict[str, str]  # a follow-up's "since last time": "better" -> "Better"

    @classmethod
    def of(cls, kb: Knowledge) -> "Labels":
        reflection, follow_up = kb.reflection, kb.follow_up
        return cls(
            areas={a.id: a.name for a in sorted(kb.areas.values(), key=lambda a: a.name)},
            roles={r.id: r.name for r in sorted(kb.roles.values(), key=lambda r: r.name)},
            age_bands={b.id: b.label for b in reflection.age_bands},
            flags=_by_id(reflection.flags, follow_up.flags),
            prompts=_by_id(reflection.prompts, follow_up.prompts),
            changes={**follow_up.choice_labels, "skipped": follow_up.summary.skipped},
        )


def _by_id(*groups: Iterable) -> Dict[str, str]:
    """Labels by id, first reflection then follow-up: an id both use keeps the first reflection's label."""
    labels: Dict[str, str] = {}
    for group in groups:
        for item in group:
            labels.setdefault(item.id, item.label)
    return labels


class Stores:
    def __init__(self, database: Database, kb: Knowledge) -> None:
        self.database = database
        self.kb = kb  # knowledge/ as loaded: the boards' published details are laid over it where needed
        self.labels = Labels.of(kb)
        self.notes = NoteStore(database)
        self.accounts = AccountStore(database, known_areas=self.labels.areas)
        self.audit = AuditLog(database)
        self.details = BoardDetails(database, kb)

    @classmethod
    def attach(cls, app: Flask) -> None:
        app.extensions["seen"] = cls(Database(app.config["DATABASE_URL"]), knowledge.default())


def stores() -> Stores:
    return current_app.extensions["seen"]


class SignedIn(UserMixin):
    """Flask-Login's user: an Account whose id carries its session version."""

    def __init__(self, account: Account) -> None:
        self.account = account

    def get_id(self) -> str:
        return f"{self.account.id}:{self.account.session_version}"

    @property
    def is_active(self) -> bool:
        return self.account.active


@login_manager.user_loader
def _load(user_id: str) -> Optional[SignedIn]:
    """None (signed out) if the account is gone, disabled, or signed out elsewhere since."""
    account_id, _, version = user_id.partition(":")
    if not account_id.isdigit() or not version.isdigit():
        return None
    account = stores().accounts.get(int(account_id))
    if account is None or not account.active or account.session_version != int(version):
        return None
    return SignedIn(account)


def me() -> Account:
    return current_user.account


def record(action: str, target: Optional[str] = None, detail: Optional[str] = None) -> None:
    """An audit row by the signed-in account."""
    stores().audit.record(me().username, action, target, detail)
