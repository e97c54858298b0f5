"""Before a note is saved, Seen asks about the words the anonymiser left in
but is not sure of ("Is 'Storm' a name?", issue 14): yes removes the word
everywhere in the note, no keeps it, and anything else removes it to be safe
and says so. Nothing of the note or the answers is lost on the way."""

from seen import knowledge, note_draft, reflection
from seen.anonymise import default
from tests.helpers.reflection_talk import finished

KB = knowledge.load()
WORDS = KB.reflection.note
YES, NO = WORDS.buttons.name_yes, WORDS.buttons.name_no

STORM = {"daily_life": "Storm was born at 34 weeks and is still small; nan helps out with storm.",
         "history": "Known since 2019. Storm was seen by the HV twice."}


def question(word: str) -> str:
    return WORDS.is_it_a_name.format(word=word, placeholder="[NAME]")


def note_texts(talk) -> str:
    return " ".join(a["text"] for a in talk.state.note["answers"])


def test_the_note_is_shown_then_a_doubtful_word_is_asked_about_with_two_buttons():
    talk = finished(STORM)
    replies = talk.turn.replies
    assert replies[-2].text.startswith(WORDS.heading) and "Storm" in replies[-2].text
    assert replies[-1].text == question("Storm")
    assert [(b.title, b.payload) for b in replies[-1].buttons] == [(YES, YES), (NO, NO)]
    assert talk.state.doubts == ["Storm"] and talk.state.status == reflection.CONFIRMING and talk.saved == []


def test_yes_removes_the_word_from_every_answer_then_the_note_is_saved_without_it():
    talk = finished(STORM)
    said = talk.say(YES)
    assert said[0] == WORDS.name_removed.format(word="Storm", placeholder="[NAME]")
    assert said[-2].startswith(WORDS.heading) and "Storm" not in said[-2] and "storm" not in said[-2]
    assert said[-1] == WORDS.ask and [b.title for b in talk.turn.replies[-1].buttons][0] == "Save note"
    assert "storm" not in note_texts(talk).lower() and note_texts(talk).count("[NAME]") == 3
    talk.say("Save note")
    stored = " ".join(a["text"] for a in talk.saved[0].answers)
    assert "storm" not in stored.lower() and "nan helps out with [NAME]" in stored
    assert talk.state.doubts == [] and talk.state.names == [] and talk.state.note is None


def test_no_keeps_the_word_everywhere_and_it_is_saved_as_written():
    talk = finished(STORM)
    said = talk.say(NO)
    assert said[0] == WORDS.name_kept.format(word="Storm") and said[-1] == WORDS.ask
    talk.say("Save note")
    stored = " ".join(a["text"] for a in talk.saved[0].answers)
    assert "Storm was born" in stored and "helps out with storm" in stored


def test_a_word_taken_out_in_doubt_is_asked_about_and_a_no_puts_it_back_in_the_saved_note():
    talk = finished({"daily_life": "Bill came through from the council for the uniform, mum cannot pay it."})
    replies = talk.turn.replies
    assert "[NAME] came through" in replies[-2].text
    assert replies[-1].text == WORDS.is_it_a_name_removed.format(word="Bill", placeholder="[NAME]")
    said = talk.say(NO)
    assert said[0] == WORDS.name_restored.format(word="Bill") and "Bill came through" in said[-2]
    talk.say("Save note")
    assert talk.saved[0].answers[0]["text"].startswith("Bill came through from the council")
    assert talk.state.kept == [] and talk.state.note is None


def test_a_word_taken_out_in_doubt_stays_out_on_a_yes_or_an_unclear_answer():
    for answer in (YES, "hmm"):
        talk = finished({"daily_life": "Bill came through from the council for the uniform, mum cannot pay it."})
        talk.say(answer, "", 0.0)
        talk.say("Save note")
        assert "Bill" not in talk.saved[0].answers[0]["text"], answer


def test_typed_yes_and_no_count_as_the_buttons_do():
    talk = finished(STORM)
    talk.say("yes", "affirm", 0.95)
    assert "Storm" not in note_texts(talk) and talk.state.names == ["Storm"] and talk.saved == []
    talk = finished(STORM)
    talk.say("nope", "deny", 0.95)
    assert "Storm" in note_texts(talk) and talk.state.names == [] and talk.saved == []
    talk = finished(STORM)
    talk.say("yeah", "", 0.0)  # understood from the words alone
    assert "Storm" not in note_texts(talk)


def test_anything_else_removes_the_word_to_be_safe_says_so_and_keeps_the_note():
    for text, intent in [("not sure", "dont_know"), ("save", ""), ("Don't save", "deny"),
                         ("what do you mean by that, is it the child?", "explain")]:
        talk = finished(STORM)
        answers = dict(talk.state.answers)
        said = talk.say(text, intent, 0.9)
        assert said[0] == WORDS.name_unclear.format(word="Storm", placeholder="[NAME]"), text
        assert "Storm" not in note_texts(talk) and talk.state.note is not None and talk.saved == []
        assert talk.state.answers == answers and talk.state.status == reflection.CONFIRMING
        assert said[-1] == WORDS.ask


def test_at_most_the_limit_of_questions_the_most_doubtful_first_each_once():
    answers = {"daily_life": "Hope was late again. Storm was with her.",
               "history": "Sky has not been seen since March. Reign was not brought either.",
               "agencies": "Favour is known to the HV. hope says it is fine."}
    talk = finished(answers)
    anonymiser = default()
    doubts = {d.word.lower(): d for text in answers.values() for d in anonymiser.doubts(text)}
    assert len(doubts) > WORDS.name_questions
    asked = []
    while talk.state.doubts:
        asked.append(talk.state.doubts[0])
        assert talk.turn.replies[-1].text == question(asked[-1])
        talk.say(NO)
    assert len(asked) == WORDS.name_questions == 3
    ranked = sorted(doubts, key=lambda w: (doubts[w].removed, -doubts[w].score))
    assert [w.lower() for w in asked] == ranked[:3]
    assert talk.turn.replies[-1].text == WORDS.ask


def test_a_word_answered_yes_is_removed_from_an_answer_typed_again_and_once_more_as_it_is_stored():
    talk = finished(STORM)
    talk.say(YES)
    talk.say("change the history")
    talk.say("Storm was seen by the HV three times, storm is on a CIN plan")
    assert "storm" not in note_texts(talk).lower()
    talk.state.note["answers"][0]["text"] = "Storm put back by a forged slot"
    talk.say("Save note")
    assert "Storm" not in " ".join(a["text"] for a in talk.saved[0].answers)


def test_a_forged_doubt_that_is_not_a_word_of_the_note_is_never_asked():
    talk = finished()
    talk.state.doubts = ["Kayleigh", "<script>alert(1)</script>", 7, "two words"]
    said = talk.say("Save note")
    assert "ABCD-EFGH" in said[0] and talk.saved


def test_a_note_with_nothing_in_doubt_asks_nothing():
    talk = finished()
    assert talk.state.doubts == [] and talk.turn.replies[-1].text == WORDS.ask


def _draft(text: str):
    return note_draft.from_dict({"area": "derby", "role": None, "age_band": None, "prompts": [], "flags": [],
                                 "answers": [{"question": "daily_life", "label": "x", "text": text}]})


def test_checked_removes_the_confirmed_names_and_keeps_what_the_anonymiser_removes_removed():
    draft = _draft("Storm was there, with Kayleigh Brennan")
    text = note_draft.checked(KB, draft, ["Storm"]).answers[0]["text"]
    assert "Storm" not in text and "Kayleigh" not in text and "Brennan" not in text
    assert "Storm" in note_draft.checked(KB, draft).answers[0]["text"]
    assert "Storm" in note_draft.checked(KB, draft, "Storm").answers[0]["text"]  # not a list: no names
    # A forged "kept" cannot bring back a name the anonymiser is sure of.
    assert "Kayleigh" not in note_draft.checked(KB, draft, [], ["Kayleigh", "Brennan"]).answers[0]["text"]


def test_checked_keeps_a_word_taken_out_in_doubt_only_when_the_practitioner_said_no():
    draft = _draft("Bill came through from the council")
    assert "Bill" not in note_draft.checked(KB, draft).answers[0]["text"]
    assert note_draft.checked(KB, draft, [], ["Bill"]).answers[0]["text"] == "Bill came through from the council"


def test_the_closing_notes_example_yes_no_yes_stores_the_note_shown_there():
    """The before-and-after example of issue 14's closing note, reproduced ("storm's nan" is now
    found for sure, so the example says "her nan")."""
    talk = finished({"daily_life": "Sky hasn't been seen at nursery since the 3rd. "
                                   "Bill came through from the council and mum can't pay it.",
                     "history": "Storm was born at 34 weeks; her nan Pauline helps out."})
    assert ("Daily life: [NAME] hasn't been seen at nursery since [DATE]. [NAME] came through"
            in talk.turn.replies[-2].text)
    assert "History: Storm was born at 34 weeks; her nan [NAME] helps out." in talk.turn.replies[-2].text
    asked = [talk.state.doubts[0]]
    for answer in (YES, NO, YES):
        talk.say(answer)
        asked += talk.state.doubts[:1]
    assert asked == ["Storm", "Bill", "Sky"]
    talk.say("Save note")
    stored = {a["question"]: a["text"] for a in talk.saved[0].answers}
    assert stored["daily_life"] == ("[NAME] hasn't been seen at nursery since [DATE]. "
                                    "Bill came through from the council and mum can't pay it.")
    assert stored["history"] == "[NAME] was born at 34 weeks; her nan [NAME] helps out."


def test_a_places_name_left_in_is_asked_about_as_a_place_and_a_yes_makes_it_a_place_everywhere():
    talk = finished({"daily_life": "Mum met him at the Arndale Centre food court; she is at the arndale centre daily."})
    asked = talk.turn.replies[-1]
    assert asked.text == WORDS.is_it_a_place.format(word="Arndale Centre", placeholder="[PLACE]")
    assert [b.title for b in asked.buttons] == [YES, NO]
    said = talk.say(YES)
    assert said[0] == WORDS.name_removed.format(word="Arndale Centre", placeholder="[PLACE]")
    talk.say("Save note")
    stored = " ".join(a["text"] for a in talk.saved[0].answers)
    assert "arndale" not in stored.lower() and stored.count("[PLACE]") == 2, stored
