"""What a stored conversation keeps (bot/stores/kept.py): the state, none of
the practitioner's words."""

from stores.kept import QUOTES_PRACTITIONER, without_text


def user(text, **metadata):
    return {"event": "user", "text": text, "metadata": metadata,
            "parse_data": {"text": text, "intent": {"name": "share_worry"}, "entities": [], "metadata": metadata}}


def bot(text, buttons=(), quotes=False):
    return {"event": "bot", "text": text, "data": {"buttons": [{"title": t, "payload": p} for t, p in buttons]},
            "metadata": {QUOTES_PRACTITIONER: True} if quotes else {}}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def test_typed_messages_lose_their_text_but_keep_what_the_nlu_made_of_them():
    kept = without_text([user("Kayleigh in year 4 is always hungry")])[0]
    assert kept["text"] is None and kept["parse_data"]["text"] is None
    assert kept["parse_data"]["intent"] == {"name": "share_worry"}


def test_a_button_press_is_kept_but_the_same_words_typed_unprompted_are_not():
    kept = without_text([bot("Save it?", [("Save", "/save")]), user("/save"), user("/save")])
    assert [e["text"] for e in kept if e["event"] == "user"] == ["/save", None]


def test_seen_messages_that_quote_the_practitioner_are_not_kept_its_own_are():
    kept = without_text([bot("Is 'Bill' a name?", [("Yes", "Yes")], quotes=True), bot("What is a typical day?")])
    assert [e["text"] for e in kept] == [None, "What is a typical day?"]
    assert kept[0]["data"]["buttons"] == [{"title": "Yes", "payload": "Yes"}]


def test_only_the_latest_value_of_a_slot_holding_answers_is_kept():
    kept = without_text([slot("reflection", {"answers": {"daily_life": "hungry"}}), slot("reflecting", True),
                         slot("reflection", None), slot("area", "derby"), slot("area", "leeds")])
    assert [e["value"] for e in kept] == [None, True, None, "derby", "leeds"]


def test_message_metadata_keeps_only_a_short_board_id():
    kept = without_text([user("hi", board="derby", note="Kayleigh"), user("hi", board="x" * 500)])
    assert [e["metadata"] for e in kept] == [{"board": "derby"}, {}]
    assert kept[0]["parse_data"]["metadata"] == {"board": "derby"}


def test_the_events_given_are_not_changed():
    events = [user("Kayleigh is hungry")]
    without_text(events)
    assert events[0]["text"] == "Kayleigh is hungry"
