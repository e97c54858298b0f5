"""The supervision app against hostile or careless requests (issue 13): each
gets a clear page or a clean 4xx, never a 500, and nothing is stored."""

import os
import stat
import threading

import pytest

from seen.web.settings import SettingsError, from_environment
from tests.helpers.drafts import save
from tests.helpers.web import PASSWORD


@pytest.fixture
def three_areas(notes):
    return {area: save(notes, area=area) for area in ("derby", "sandwell", "salford")}


def test_a_nul_byte_in_a_comment_is_refused_with_a_clear_page(visitor, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    response = visitor.submit(f"/notes/{reference}/comments", {"text": "seen at home\x00 today"},
                              page=f"/notes/{reference}")
    assert response.status_code == 400 and "control characters" in visitor.text
    assert "seen at home" not in visitor.get(f"/notes/{reference}").get_data(as_text=True)


@pytest.mark.parametrize("query", ["?_anchor=x", "?_external=1&area=derby", "?_scheme=javascript", "?q=%00",
                                   "?page=%01"])
def test_odd_query_arguments_on_the_notes_list_get_a_page_not_an_error(visitor, three_areas, query):
    visitor.sign_in("derby.supervisor")
    assert visitor.get(f"/notes{query}").status_code in (200, 400)


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(visitor, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    response = visitor.submit(f"/notes/{reference}/comments", {"text": "x" * 300_000}, page=f"/notes/{reference}")
    assert response.status_code == 413 and "too large" in visitor.text


def test_wrong_passwords_sent_in_parallel_get_five_tries_between_them(accounts, monkeypatch):
    import seen.accounts as module

    checked, real = [], module._verify
    monkeypatch.setattr(module, "_verify",
                        lambda hashed, password: checked.append(hashed != module._DUMMY_HASH) or real(hashed, password))

    def guess(i):
        try:
            accounts.authenticate("derby.supervisor", f"guess {i}")
        except module.DatabaseUnavailable:
            pass  # SQLite may turn a writer away; that is not a try either

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(checked) <= 5, f"{sum(checked)} guesses were checked against the real password"
    assert accounts.authenticate("derby.supervisor", PASSWORD) is None, "the account should be locked"


def test_outside_development_the_app_refuses_to_start_without_https(monkeypatch):
    monkeypatch.setenv("SEEN_SECRET_KEY", "a key")
    monkeypatch.delenv("SEEN_ENV", raising=False)
    monkeypatch.delenv("SEEN_HTTPS", raising=False)
    monkeypatch.delenv("SEEN_INSECURE_HTTP", raising=False)
    with pytest.raises(SettingsError, match="SEEN_HTTPS"):
        from_environment()
    monkeypatch.setenv("SEEN_HTTPS", "1")
    assert from_environment()["SESSION_COOKIE_SECURE"] is True
    monkeypatch.delenv("SEEN_HTTPS")
    monkeypatch.setenv("SEEN_INSECURE_HTTP", "1")
    assert from_environment()["SESSION_COOKIE_SECURE"] is False


def test_a_sqlite_database_file_is_readable_by_its_owner_only(tmp_path):
    from seen.db import engine_for

    path = tmp_path / "notes.db"
    engine_for(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
