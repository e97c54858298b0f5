"""Talk to the trained bot and the action server over the REST and socket.io channels."""

import time

from seen import knowledge

KB = knowledge.load()
CALL_999 = KB.messages.call_999


def texts(messages):
    return [m.get("text", "") for m in messages]


def test_greeting_puts_999_first(chat):
    reply = texts(chat("hello"))
    assert reply[0].startswith("Hello, I'm Seen.") and CALL_999 in reply[0].splitlines()[0]


def test_a_topic_question_in_own_words_gets_the_sourced_answer_and_follow_ups(chat):
    reply = chat("what's start again syndrome")
    assert reply[0]["text"] == KB.topics["start_again_syndrome"].answer
    assert reply[1]["text"].startswith("Sources:") and KB.sources["001_fd59a87277a8d41d.txt"].name() in reply[1]["text"]
    assert ".txt" not in reply[1]["text"]
    assert reply[-1]["buttons"], "no follow-up offered"


def test_area_procedure_question_asks_for_the_area_then_answers_for_it(chat):
    first = chat("how do I escalate if I disagree with social care?")
    assert first[0]["text"] == KB.topics["escalation"].answer
    assert "Which area do you work in?" in first[-1]["text"]
    payload = next(b["payload"] for b in first[-1]["buttons"] if b["title"] == "Sandwell")
    second = texts(chat(payload))
    local = next(t for t in second if "In Sandwell:" in t)
    assert "westmidlands.procedures.org.uk" in local and "0808 800 5000" in local


def test_after_saying_role_and_area_answers_are_for_that_area(chat):
    ack = texts(chat("I'm a health visitor in Derby"))
    assert "health visitor in Derby" in ack[0]
    reply = texts(chat("which assessment tools should I use for neglect?"))
    local = next(t for t in reply if t.startswith("In Derby:"))
    assert "Graded Care Profile" in local and "DVRIM" in local


def test_an_emergency_mid_conversation_gets_999_before_anything_else(chat):
    chat("what is disguised compliance")
    reply = texts(chat("he says his dad burned him"))
    assert reply[0].startswith(CALL_999)
    assert "children's social care now" in reply[0]


def test_a_worry_starts_the_guided_reflection_with_999_first_and_no_names(chat):
    reply = texts(chat("I'm worried about a child, she keeps coming in hungry"))
    assert reply[0].startswith(CALL_999)
    assert "don't enter names or identifying details" in reply[0]
    assert KB.reflection.questions[0].text in reply[-1]


def test_a_question_outside_its_knowledge_gets_an_honest_answer(chat):
    reply = texts(chat("how do I claim my mileage?"))
    assert "I don't know" in reply[0]


def test_help_thanks_and_goodbye(chat):
    assert "I can:" in texts(chat("what can you do?"))[0]
    assert texts(chat("thanks"))[0] == KB.messages.thanks.strip()
    assert texts(chat("bye"))[0] == KB.messages.goodbye.strip()


def test_no_message_text_reaches_the_server_logs(chat, servers):
    marker = "quokka-marmalade-7741"
    chat(f"the parents agree to everything but nothing changes {marker}")
    chat(f"I'm a teacher in Derby {marker}")
    chat("I'm worried about a child")
    chat(f"a teacher {marker}")
    chat("5 to 11")
    chat(f"hungry every morning, no coat in winter {marker}")
    for name, log in servers.items():
        assert marker not in log.read_text(), f"practitioner text was written to the {name} log"


def test_a_message_whose_caller_gives_up_is_not_written_to_the_log(servers):
    """Rasa's REST channel logs the message of a request that times out; a
    caller who hangs up at once must not leave the text in the log."""
    import requests

    from tests.helpers.bot import RASA_PORT

    marker = "wombat-treacle-5520"
    for n in range(5):
        try:
            requests.post(f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
                          json={"sender": f"hangs-up-{n}", "message": f"lad in y4 always hungry {marker}"},
                          timeout=0.02)
        except requests.exceptions.RequestException:
            pass
    time.sleep(3)
    assert marker not in servers["rasa"].read_text()


def test_the_999_reply_does_not_depend_on_the_action_server(rasa_without_actions):
    reply = texts(rasa_without_actions("the baby isn't breathing"))
    assert reply and reply[0].startswith(CALL_999)


def test_the_socketio_channel_answers_like_rest(servers):
    """The web widget talks to Rasa over socket.io (credentials.yml)."""
    import asyncio

    from tests.helpers.socket_tab import SocketTab

    async def converse():
        tab = SocketTab()
        try:
            await tab.open()
            return await tab.say("the baby isn't breathing")
        finally:
            await tab.close()

    assert asyncio.run(converse()).startswith(CALL_999)
