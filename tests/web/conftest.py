"""The supervision app on a throw-away database (SQLite and PostgreSQL), Flask's
test client (tests/helpers/web.py), and a few people to sign in as."""

from typing import Iterator

import pytest
from argon2 import PasswordHasher
from flask import Flask

from seen import accounts as account_module
from seen import knowledge
from seen.accounts import AccountStore
from seen.db import migrate
from seen.notes import NoteStore
from seen.web import create_app
from tests.helpers.web import PASSWORD, Visitor, settings


@pytest.fixture(autouse=True)
def quick_passwords(monkeypatch) -> None:
    """Argon2id at its lowest cost, in this test process only: nothing these tests check depends
    on the cost, and the default's 0.15 s a hash or check was most of their time. The browser
    tests and seen-accounts run the app in processes of their own, at the real cost."""
    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(account_module, "_hasher", quick)
    monkeypatch.setattr(account_module, "_DUMMY_HASH", quick.hash("a password nobody has"))


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
    store = AccountStore(database_url, known_areas=knowledge.default().areas)
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
