"""Every channel refuses a message longer than knowledge/settings.yml allows.

A longer one never reaches the bot: the practitioner is told the limit (after
the 999 line) and the conversation stays where it was, so nothing already
given is lost. The bodies themselves are bounded before this: Sanic's
REQUEST_MAX_SIZE for HTTP (set in the environment by the Procfile) and
Engine.IO's buffer for socket.io.
"""

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from seen import knowledge, log_privacy

#: The largest request or socket.io packet a channel reads, in bytes: a
#: message at the limit, its metadata and JSON escaping fit many times over.
#: The Procfile gives Sanic the same number (SANIC_REQUEST_MAX_SIZE).
MAX_BODY_BYTES = 64 * 1024

Handler = Callable[[UserMessage], Awaitable[Any]]


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
        return await on_new_message(message)

    return handle
