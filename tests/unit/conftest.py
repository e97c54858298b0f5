"""Fixtures for the unit tests that run Seen's custom actions in this process."""

from typing import Iterator

import pytest

from actions import conversation
from seen import warm_up
from seen.db import migrate


@pytest.fixture(scope="module")
def action_database(tmp_path_factory) -> Iterator[str]:
    """The actions' notes and boards' published details in a throw-away database, never
    instance/seen.db: what a developer saved or published there must not change what these tests see.
    What the action server builds as it starts (seen/warm_up.py) is built first, as there: else the
    first action pays for it inside its 15 s bound, which it overran with a model training beside it."""
    warm_up.action_server()
    url = f"sqlite:///{tmp_path_factory.mktemp('actions') / 'seen.db'}"
    migrate(url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        forget_stores()
        yield url
    forget_stores()


def forget_stores() -> None:
    """The actions open their stores once per process; make them open them again."""
    conversation.notes.cache_clear()
    conversation._live_details.cache_clear()
