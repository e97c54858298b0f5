"""Every channel refuses a message over the length limit with a clear reply and
does not pass it to the bot, so the conversation stays where it was."""

import asyncio
import re
from pathlib import Path

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.limits import MAX_BODY_BYTES, limited
from seen import knowledge

ROOT = Path(__file__).resolve().parents[2]
KB = knowledge.default()
LIMIT = KB.message_max_chars


def _send(text: str):
    passed, output = [], CollectingOutputChannel()

    async def bot(message: UserMessage) -> None:
        passed.append(message.text)

    asyncio.run(limited(bot)(UserMessage(text, output, "someone")))
    return passed, [m["text"] for m in output.messages]


def test_a_message_at_the_limit_reaches_the_bot():
    passed, replies = _send("a" * LIMIT)
    assert passed == ["a" * LIMIT] and replies == []


def test_a_longer_message_gets_the_limit_after_the_999_line_and_never_reaches_the_bot():
    passed, replies = _send("a" * (LIMIT + 1))
    assert passed == []
    assert replies[0].startswith(KB.messages.call_999)
    assert f"{LIMIT:,} characters" in replies[0]


def test_the_widget_text_box_stops_at_the_same_limit():
    widget = (ROOT / "web_widget" / "widget.js").read_text()
    assert re.search(r'maxlength: "(\d+)"', widget).group(1) == str(LIMIT)


def test_the_procfile_gives_sanic_the_channels_body_limit():
    assert f"SANIC_REQUEST_MAX_SIZE={MAX_BODY_BYTES} " in (ROOT / "Procfile").read_text()


def test_rasas_own_conversation_commands_typed_reach_the_bot_as_words():
    """Typed, "/restart" would wipe a reflection without a word; Seen reads it as "restart"."""
    for typed, read in (("/restart", "restart"), ("  /RESTART", "restart"), ("/back", "back"),
                        ('/session_start{"x": 1}', "session start")):
        assert _send(typed) == ([read], [])
    assert _send("/restarted") == (["/restarted"], [])
    assert _send("/topic_disguised_compliance") == (["/topic_disguised_compliance"], [])
