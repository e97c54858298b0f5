"""A backstop for the servers' logs: no log line keeps a practitioner's text.

Seen's own code never logs message text, and the loggers known to do so are
silenced (bot/logging.yml); this filter catches what a library might still
write. On every record it drops the values of keys that carry conversation
text (``text``, ``message``, ``tracker``, ``request_body``…) from structured
events, JSON or ``key=value`` alike, and keeps an exception's type and
traceback lines but not its message, which can quote what was sent.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from typing import Any

#: Keys whose values are or hold what a practitioner wrote.
TEXT_KEYS = ("text", "message", "user_message", "parse_data_text", "tracker", "events", "latest_message",
             "request_body", "body", "slots", "metadata", "utter", "messages", "data")
CUT = "<cut>"
# A value runs to the next "key=" or the end of the line (console renderers leave spaces unquoted).
_KEY_VALUE = re.compile(r"\b(" + "|".join(TEXT_KEYS) + r")=(.*?)(?=\s+[A-Za-z_]+=|$)", re.MULTILINE)
_JSON_PAIR = re.compile(r'"(' + "|".join(TEXT_KEYS) + r')"\s*:\s*("(?:[^"\\]|\\.)*"|\{.*?\}|\[.*?\])')


class WithoutPractitionerText(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a record that cannot be formatted is cut whole
            message = f"{record.name}: a log record that could not be read"
        record.msg, record.args = _scrubbed(message), ()
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, trace = record.exc_info
            record.exc_text = ("Traceback (most recent call last):\n" + "".join(traceback.format_tb(trace))
                               + kind.__name__)
            record.exc_info = None
        return True


def _scrubbed(message: str) -> str:
    stripped = message.strip()
    if stripped.startswith("{"):
        try:
            return json.dumps(_without_text(json.loads(stripped)))
        except ValueError:
            pass
    return _KEY_VALUE.sub(lambda m: f"{m.group(1)}={CUT}",
                          _JSON_PAIR.sub(lambda m: f'"{m.group(1)}": "{CUT}"', message))


def _without_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: CUT if k in TEXT_KEYS else _without_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_text(v) for v in value]
    return value


def where(error: BaseException) -> str:
    """The file and line an error was raised at, to log in place of its message:
    no values, no text."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return f"{trace.tb_frame.f_code.co_filename}:{trace.tb_lineno}" if trace else "unknown"


def install() -> None:
    """Put the filter on every handler of the root logger (where the servers'
    log lines end up), once."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, WithoutPractitionerText) for f in handler.filters):
            handler.addFilter(WithoutPractitionerText())
