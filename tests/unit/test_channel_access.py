"""Who may reach a conversation (issue 13): only the listed board websites'
origins, and the REST channel only in development and tests."""

import pytest

from channels.board_socketio import LOCAL_DEMO, SessionIds, allowed_origins
from channels.rest import LimitedRestInput


@pytest.mark.parametrize("value", [",", " , ", "*", "https://a.org.uk,*", "www.derbyscp.org.uk", "javascript:alert(1)"])
def test_an_empty_wildcard_or_malformed_origin_list_refuses_to_start(monkeypatch, value):
    monkeypatch.setenv("SEEN_WIDGET_ORIGINS", value)
    with pytest.raises(ValueError):
        allowed_origins()


def test_listed_origins_are_allowed_exactly(monkeypatch):
    monkeypatch.setenv("SEEN_WIDGET_ORIGINS", "https://www.derbyscp.org.uk/, https://safeguarding.rochdale.gov.uk:8443")
    assert allowed_origins() == ["https://www.derbyscp.org.uk", "https://safeguarding.rochdale.gov.uk:8443"]


def test_unset_only_the_local_demo_page_may_connect(monkeypatch):
    monkeypatch.delenv("SEEN_WIDGET_ORIGINS", raising=False)
    assert allowed_origins() == LOCAL_DEMO


def test_only_ids_the_server_minted_are_honoured():
    ids = SessionIds(key=b"k" * 32)
    minted = ids.mint()
    assert ids.valid(minted)
    assert not ids.valid(minted[:-1] + ("0" if minted[-1] != "0" else "1"))
    assert not ids.valid("chosen-by-the-client") and not ids.valid(None) and not ids.valid({"id": 1})
    assert not SessionIds(key=b"other" * 8).valid(minted)


def _routes(blueprint):
    return [route.uri for route in blueprint._future_routes]


@pytest.mark.parametrize("env", ["production", "", None])
def test_the_rest_channel_has_no_routes_outside_development_and_tests(monkeypatch, env):
    if env is None:
        monkeypatch.delenv("SEEN_ENV", raising=False)
    else:
        monkeypatch.setenv("SEEN_ENV", env)
    assert _routes(LimitedRestInput().blueprint(lambda message: None)) == []


def test_the_rest_channel_answers_in_development(monkeypatch):
    monkeypatch.setenv("SEEN_ENV", "development")
    assert "/webhook" in _routes(LimitedRestInput().blueprint(lambda message: None))
