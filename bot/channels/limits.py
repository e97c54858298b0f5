"""Every channel refuses a message longer than knowledge/settings.yml allows,
and reads Rasa's own conversation commands, typed, as words.

A longer one never reaches the bot: the practitioner is told the limit (after
the 999 line) and the conversation stays where it was, so nothing already
given is lost. The bodies themselves are bounded before this: Sanic's
REQUEST_MAX_SIZE for HTTP (set in the environment by the Procfile) and
Engine.IO's buffer for socket.io.

Rasa obeys "/restart", "/back" and "/session_start" from anyone who types
them, before any rule: the first wipes a reflection without a word. Seen's
own buttons never send them, so typed they are taken as the words they are
("restart"), which Seen answers like any other message: starting again asks
first, and keeps the answers until the practitioner says so.
"""

import os
import re
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.constants import USER_INTENT_BACK, USER_INTENT_RESTART, USER_INTENT_SESSION_START

from seen import knowledge, log_privacy

#: The largest request or socket.io packet a channel reads, in bytes: a
#: message at the limit, its metadata and JSON escaping fit many times over.
#: The Procfile gives Sanic the same number (SANIC_REQUEST_MAX_SIZE).
MAX_BODY_BYTES = 64 * 1024

Handler = Callable[[UserMessage], Awaitable[Any]]

#: "/restart", "/back", "/session_start", with or without entities after them.
RASA_COMMAND = re.compile(
    rf"\s*/({'|'.join((USER_INTENT_RESTART, USER_INTENT_BACK, USER_INTENT_SESSION_START))})(?![\w])", re.IGNORECASE)


def client_address(request: Any) -> Optional[str]:
    """The address a message came from, for counting a client's misses at
    finding a case (seen/guesses.py). Behind HAProxy (SEEN_BEHIND_PROXY=1) it
    is the last X-Forwarded-For entry, the one HAProxy added: any earlier one
    came from the browser."""
    if request is None:
        return None
    if os.environ.get("SEEN_BEHIND_PROXY") == "1":
        forwarded = [part.strip() for part in (request.headers.get("x-forwarded-for") or "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return getattr(request, "ip", None) or None


def too_long(text: str) -> bool:
    return len(text or "") > knowledge.default().message_max_chars


def limited(on_new_message: Handler) -> Handler:
    """``on_new_message`` for messages within the limit; the too-long reply
    otherwise. Every channel calls it as the server starts, after logging is
    set up: the moment to put the logs' backstop in place (seen/log_privacy.py)."""
    log_privacy.install()

    async def handle(message: UserMessage) -> Any:
        if too_long(message.text):
            kb = knowledge.default()
            await message.output_channel.send_text_message(
                message.sender_id, kb.messages.too_long.format(limit=f"{kb.message_max_chars:,}"))
            return None
        command = RASA_COMMAND.match(message.text or "")
        if command:
            message.text = command.group(1).lower().replace("_", " ")
        return await on_new_message(message)

    return handle
