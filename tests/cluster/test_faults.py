"""The cluster survives its parts failing: a Rasa or action server killed
mid-reflection, Redis restarted, two messages of one conversation at once.
In order: a killed server is started again while the next tests run."""

import asyncio
import json
import threading
import time
import uuid
from typing import Dict, List

import pytest
import redis

from seen.replies import area_payload
from tests.cluster.walk import OPENER, answer_to_the_end, reply_to
from tests.helpers.cluster import BALANCER_PORT, Cluster, send
from tests.helpers.reflection import KB, question_asked
from tests.helpers.socket_tab import SocketTab


class Reflection:
    """One practitioner's reflection over REST: what was asked and answered."""

    def __init__(self) -> None:
        self.sender = f"cluster-{uuid.uuid4()}"
        self.answers: Dict[str, str] = {}
        self.messages = send(self.sender, OPENER)

    def answer(self) -> List[dict]:
        question, text = question_asked(self.messages), reply_to(self.messages)
        self.messages = send(self.sender, text)
        self.answers[question] = text
        return self.messages

    def assert_every_free_text_answer_in(self, summary: str) -> None:
        for question, text in self.answers.items():
            if question not in ("role", "area", "age_band"):
                assert text in summary, f"the answer to {question} was lost"


@pytest.mark.parametrize("server", ["rasa1", "actions1"])
def test_a_server_killed_mid_reflection_rest_goes_on_at_the_same_question(cluster: Cluster, server: str):
    """A Rasa server or an action server: HAProxy sends the next message, or
    the next action call, to the other one."""
    talk = Reflection()
    for _ in range(4):
        talk.answer()
    waiting = question_asked(talk.messages)
    cluster.kill(server)
    try:
        talk.answer()
        assert question_asked(talk.messages) not in (*talk.answers, waiting)
        talk.assert_every_free_text_answer_in(answer_to_the_end(talk.sender, talk.messages))
    finally:
        cluster.start(server)


def test_a_restarted_redis_is_said_plainly_and_nothing_crashes(cluster: Cluster):
    cluster.wait_until_answering("rasa1")
    cluster.wait_until_balanced()
    talk = Reflection()
    for _ in range(4):  # both Rasa servers have talked to this practitioner
        talk.answer()
    cluster.redis.restart()
    messages = send(talk.sender, "the boy smells of urine every day")
    said = "\n".join(m.get("text", "") for m in messages)
    assert said.splitlines()[0] == KB.messages.call_999
    assert KB.messages.conversation_lost.strip().splitlines()[1] in said
    question_asked(messages)  # a new reflection, started with what was just said
    assert send(talk.sender, reply_to(messages)), "Seen did not go on"
    assert len(cluster.alive()) == len(cluster.processes), "a server stopped"


def test_messages_sent_at_once_in_one_conversation_are_handled_in_order(cluster: Cluster):
    """Each goes to a different Rasa server; Rasa's Redis lock store makes
    them wait their turn, so the conversation is the one they make one by one."""
    one_by_one, at_once = Reflection(), Reflection()
    for _ in range(3):
        one_by_one.answer()
        at_once.answer()
    texts, asked_next = [], []
    for _ in range(4):
        texts.append(reply_to(one_by_one.messages))
        asked_next.append(question_asked(one_by_one.answer()))
    assert [question_asked(m) for m in _sent_together(at_once.sender, texts, cluster.redis.port)] == asked_next
    assert redis.Redis(port=cluster.redis.port, db=1).keys("*") == [], "a lock was left behind"


def _sent_together(sender: str, texts: List[str], port: int) -> List[List[dict]]:
    """Send each text once the one before it is waiting its turn in Rasa's
    Redis lock (or is done), without waiting for replies: a thread started
    a moment later can overtake the one before it on a slow machine, and
    then the order sent is not the order Rasa was asked in. The replies, in
    the order the texts were sent."""
    replies: List[List[dict]] = [[] for _ in texts]
    locks = redis.Redis(port=port, db=1)

    def post(i: int) -> None:
        replies[i] = send(sender, texts[i])

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(texts))]
    for i, thread in enumerate(threads):
        thread.start()
        _wait_for_a_ticket_each(locks, sender, threads[:i + 1])
    for thread in threads:
        thread.join(timeout=120)
    return replies


def _wait_for_a_ticket_each(locks: redis.Redis, sender: str, started: List[threading.Thread]) -> None:
    """Until every message still being handled holds a ticket in the
    conversation's lock: a request keeps its ticket until its reply is ready."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        waiting = sum(thread.is_alive() for thread in started)
        lock = locks.get(f"lock:{sender}")
        if not waiting or len(json.loads(lock)["tickets"] if lock else []) >= waiting:
            return
        time.sleep(0.005)
    raise AssertionError("a message never reached Rasa's lock")


def test_a_rasa_server_killed_under_a_socketio_tab_goes_on_at_the_same_question(cluster: Cluster):
    cluster.wait_until_answering("rasa1")
    cluster.wait_until_balanced()

    async def scenario():
        tab = SocketTab(port=BALANCER_PORT)
        before = cluster.connections()
        try:
            await tab.open()
            asked = [_question(await _turn(tab, OPENER))]
            for _ in range(3):
                asked.append(_question(await _turn(tab, _answer_for(asked[-1]))))
            cluster.kill(cluster.holding_socket(before))
            assert await tab.reconnected() == tab.session
            after = _question(await _turn(tab, _answer_for(asked[-1])))
            return asked, after
        finally:
            await tab.close()

    try:
        asked, after = asyncio.run(scenario())
    finally:
        for name in ("rasa1", "rasa2"):
            if name not in cluster.alive():
                cluster.start(name)
    assert after not in asked


async def _turn(tab: SocketTab, text: str) -> List[str]:
    """Everything the bot says back to one message (until it is quiet for a second)."""
    await tab.send({"message": text, "session_id": tab.session})
    said = [await tab.next_reply()]
    while True:
        try:
            said.append((await asyncio.wait_for(tab.replies.get(), timeout=1.5))["text"])
        except asyncio.TimeoutError:
            return said


def _question(said: List[str]) -> str:
    return question_asked([{"text": said[-1]}])


def _answer_for(question: str) -> str:
    """The widget sends a button's payload; for the area, Derby's."""
    if question == "area":
        return area_payload(next(a.id for a in KB.areas.values() if a.name == "Derby"))
    return reply_to([{"text": next(q.text for q in KB.reflection.questions if q.id == question)}])
