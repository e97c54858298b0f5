"""A conversation over socket.io belongs to the browser tab that started it
(issue 13): the server mints the session id, a client cannot choose one, and
a message cannot name another session to write into."""

import asyncio

from seen import knowledge
from tests.helpers.socket_tab import SocketTab

KB = knowledge.load()
WORRY = "I'm worried about a boy in year 4, he's always hungry"


def test_a_client_cannot_choose_its_session_id(servers):
    async def scenario():
        client = SocketTab()
        try:
            return await client.open(requested="chosen-by-the-client")
        finally:
            await client.close()

    assert asyncio.run(scenario()) != "chosen-by-the-client"


def test_a_message_naming_another_session_stays_in_its_own(servers):
    async def scenario():
        owner, intruder = SocketTab(), SocketTab()
        try:
            await owner.open()
            await intruder.open()
            first_question = await owner.say(WORRY)
            await intruder.say("hello", session_id=owner.session)
            await asyncio.sleep(1)
            owner_heard_nothing = owner.replies.empty()
            return first_question, owner_heard_nothing
        finally:
            await owner.close()
            await intruder.close()

    _, owner_heard_nothing = asyncio.run(scenario())
    assert owner_heard_nothing


def test_a_reloaded_tab_gets_its_own_conversation_back(servers):
    async def scenario():
        first, again = SocketTab(), SocketTab()
        try:
            session = await first.open()
            await first.say(WORRY)
            await first.close()
            return session, await again.open(requested=session)
        finally:
            await again.close()

    session, resumed = asyncio.run(scenario())
    assert resumed == session
