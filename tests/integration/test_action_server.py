"""The action server is private (issue 13): it answers only the Rasa server,
which sends the shared secret, it listens only on this machine, and a failing
action never sends back or logs the conversation it was given."""

import socket

import pytest
import requests
from rasa_sdk_plugins import TOKEN_HEADER

from tests.helpers.bot import ACTION_TOKEN, ACTIONS_PORT

URL = f"http://127.0.0.1:{ACTIONS_PORT}"
PLANTED = "Kayleigh Bannister at 14 Mercer Walk, 07700 900461"


def _action_call(text: str) -> dict:
    """What Rasa sends to run an action, with a practitioner's message in it
    and no tracker, so the action server fails reading it."""
    return {
        "next_action": "action_respond",
        "sender_id": "someone",
        "version": "3.6.21",
        "domain": {"slots": {}, "responses": {}, "note": text},
        "tracker": None,
        "events": [{"event": "user", "text": text}],
    }


def test_without_the_secret_the_action_server_lists_and_runs_nothing(servers):
    assert requests.get(f"{URL}/actions", timeout=10).status_code == 401
    assert requests.get(f"{URL}/actions", headers={TOKEN_HEADER: "guessed"}, timeout=10).status_code == 401
    assert requests.post(f"{URL}/webhook", json=_action_call(PLANTED), timeout=10).status_code == 401
    assert requests.get(f"{URL}/actions", headers={TOKEN_HEADER: ACTION_TOKEN}, timeout=10).status_code == 200


def test_the_health_check_needs_no_secret(servers):
    assert requests.get(f"{URL}/health", timeout=10).json() == {"status": "ok"}


def _outside_address():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # sends nothing: only picks the outward interface
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_action_server_listens_on_this_machine_only(servers):
    address = _outside_address()
    if address is None:
        pytest.skip("this machine has no network interface but loopback")
    with socket.socket() as client:
        client.settimeout(3)
        assert client.connect_ex((address, ACTIONS_PORT)) != 0


def test_a_failing_action_sends_back_and_logs_nothing_of_the_conversation(servers):
    response = requests.post(f"{URL}/webhook", json=_action_call(PLANTED), headers={TOKEN_HEADER: ACTION_TOKEN},
                             timeout=10)
    assert response.status_code >= 400
    assert "Kayleigh" not in response.text and "Mercer" not in response.text and "07700" not in response.text
    log = servers["actions"].read_text()
    assert "Kayleigh" not in log and "Mercer" not in log and "07700" not in log
