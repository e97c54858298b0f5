"""The logs' backstop: a record that carries a practitioner's text keeps its
event and its shape, never the text (issue 13)."""

import json
import logging

from seen.log_privacy import WithoutPractitionerText

PLANTED = "Kayleigh Bannister of 14 Mercer Walk"


def _logged(msg, *args, exc_info=None) -> str:
    record = logging.LogRecord("rasa.core", logging.ERROR, __file__, 1, msg, args, exc_info)
    WithoutPractitionerText().filter(record)
    return logging.Formatter("%(message)s").format(record)


def test_a_structured_json_event_keeps_its_name_but_not_the_text():
    line = _logged(json.dumps({"event": "rest.message.received.failure", "text": PLANTED, "level": "error",
                               "tracker": {"events": [{"text": PLANTED}]}}))
    assert "rest.message.received.failure" in line and "Kayleigh" not in line and "Mercer" not in line


def test_a_key_value_event_keeps_its_name_but_not_the_text():
    line = _logged(f"processor.message.parse parse_data_text={PLANTED} parse_data_intent={{'name': 'greet'}} "
                   f"text='{PLANTED}'")
    assert "processor.message.parse" in line and "greet" in line and "Kayleigh" not in line and "Mercer" not in line


def test_a_response_body_quoted_in_an_error_is_cut():
    line = _logged("ClientResponseError %s",
                   f'{{"error": "x", "request_body": {{"tracker": {{"latest_message": {{"text": "{PLANTED}"}}}}}}}}')
    assert "ClientResponseError" in line and "Kayleigh" not in line


def test_an_exception_keeps_its_type_and_place_but_not_its_message():
    try:
        raise ValueError(f"could not read {PLANTED}")
    except ValueError:
        import sys

        line = _logged("action failed", exc_info=sys.exc_info())
    assert "ValueError" in line and "test_log_privacy.py" in line and "Kayleigh" not in line


def test_an_ordinary_line_is_left_alone():
    assert _logged("Action endpoint is up and running on %s", "http://127.0.0.1:5055") == \
        "Action endpoint is up and running on http://127.0.0.1:5055"
