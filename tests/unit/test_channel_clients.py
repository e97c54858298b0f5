"""The client address each channel gives a message (bot/channels/limits.py),
by which misses at finding a case are counted: the channel's own view of the
connection, never something the browser can set."""

from types import SimpleNamespace

import pytest

from channels.limits import client_address
from channels.rest import LimitedRestInput
from seen.guesses import CLIENT_KEY


def request(ip="10.0.0.5", forwarded=None):
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    return SimpleNamespace(ip=ip, headers=headers)


def test_without_a_proxy_the_connection_address_counts_and_a_forwarded_header_does_not(monkeypatch):
    monkeypatch.delenv("SEEN_BEHIND_PROXY", raising=False)
    assert client_address(request(forwarded="203.0.113.1")) == "10.0.0.5"


@pytest.mark.parametrize("forwarded, client", [
    ("198.51.100.23", "198.51.100.23"),
    ("1.2.3.4, 198.51.100.23", "198.51.100.23"),  # a browser's own header first, HAProxy's last
])
def test_behind_haproxy_the_address_it_added_counts(monkeypatch, forwarded, client):
    monkeypatch.setenv("SEEN_BEHIND_PROXY", "1")
    assert client_address(request(forwarded=forwarded)) == client


def test_the_rest_channel_sets_the_client_itself(monkeypatch):
    monkeypatch.delenv("SEEN_BEHIND_PROXY", raising=False)
    assert LimitedRestInput().get_metadata(request(ip="192.0.2.10")) == {CLIENT_KEY: "192.0.2.10"}
