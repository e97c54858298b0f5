"""The supervision app on a throw-away database (SQLite and PostgreSQL), Flask's
test client, and a few people to sign in as.

A `Visitor` reads the CSRF token from the page it last saw, as a browser does,
so a test that leaves the token out does so on purpose.
"""

import html
import re
from datetime import datetime, timedelta, timezone
from typing import Dict, Iterator, Optional

import pytest
from flask import Flask
from flask.testing import FlaskClient

from seen import replies
from seen.accounts import AccountStore
from seen.db import migrate
from seen.knowledge import default as knowledge
from seen.notes import NoteDraft, NoteStore
from seen.web import create_app

PASSWORD = "a long test passphrase"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
NOW = datetime.now(timezone.utc)


def settings(url: str, **changes) -> Dict[str, object]:
    config = {
        "TESTING": True,
        "SECRET_KEY": "tests only",
        "DATABASE_URL": url,
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=30),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "FORCE_HTTPS": False,
        "BEHIND_PROXY": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "WARM_UP": False,
        "BOT_URL": "http://127.0.0.1:5005",
    }
    config.update(changes)
    return config


class Visitor:
    """One browser: signs in, follows links, and posts forms with the token from the page it last saw."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.page = ""

    def get(self, url: str, **kwargs):
        response = self.client.get(url, **kwargs)
        self.page = response.get_data(as_text=True)
        return response

    @property
    def text(self) -> str:
        """The last page as a person reads it: entities such as &#39; turned back into characters."""
        return html.unescape(self.page)

    def token(self) -> str:
        match = TOKEN.search(self.page)
        assert match, "the page has no form with a CSRF token"
        return match.group(1) or match.group(2)

    def submit(self, url: str, data: Optional[dict] = None, page: Optional[str] = None, **kwargs):
        """Open `page` (default: `url`) like a person would, then post the form with its token."""
        self.get(page or url)
        response = self.client.post(url, data={**(data or {}), "csrf_token": self.token()}, **kwargs)
        self.page = response.get_data(as_text=True)
        return response

    def sign_in(self, username: str, password: str = PASSWORD):
        return self.submit("/login", {"username": username, "password": password})

    def sign_out(self):
        return self.submit("/logout")


@pytest.fixture
def database_url(backend) -> str:
    migrate(backend.url)
    return backend.url


@pytest.fixture
def app(database_url) -> Iterator[Flask]:
    app = create_app(settings(database_url))
    yield app
    app.extensions["seen"].database.close()


@pytest.fixture
def accounts(database_url) -> AccountStore:
    store = AccountStore(database_url, known_areas=knowledge().areas)
    store.create("derby.supervisor", PASSWORD, "supervisor", ["derby"])
    store.create("two.areas", PASSWORD, "supervisor", ["salford", "sandwell"])
    store.create("board.admin", PASSWORD, "admin", [])
    return store


@pytest.fixture
def notes(database_url) -> Iterator[NoteStore]:
    store = NoteStore(database_url)
    yield store
    store.close()


@pytest.fixture
def visitor(app, accounts) -> Visitor:
    return Visitor(app.test_client())


@pytest.fixture
def another(app, accounts) -> Visitor:
    """A second browser, for a second person."""
    return Visitor(app.test_client())


def note(area: str = "derby", flags=("no_chronology",), prompts=("cumulative_harm",),
         role: str = "teacher", age_band: str = "age_5_11", text: str = "Often arrives hungry; [NAME] says tea is crisps.",
         ) -> NoteDraft:
    rules = {p.id: p for p in knowledge().reflection.prompts}
    return NoteDraft(
        area=area, role=role, age_band=age_band,
        answers=[{"question": "daily_life", "label": "The child's daily life", "text": text},
                 {"question": "chronology", "label": "Is there a chronology?", "text": "No"}],
        prompts=[{"id": p, "text": rules[p].text, "sources": replies.cite_each(knowledge(), rules[p].sources)}
                 for p in prompts],
        flags=list(flags),
    )


def save(store: NoteStore, days_ago: float = 0, **fields) -> str:
    return store.save(note(**fields), created_at=NOW - timedelta(days=days_ago))
