"""The details model adds the reflective questions an opening message answers
in words the rules were not written for; what reaches the action server is
checked before it is believed."""

from pathlib import Path

from seen import details, knowledge, reflection
from seen.details_model import DetailsModel, labelled_openers
from seen.embeddings import default_embedder

KB = knowledge.load()
ROOT = Path(__file__).resolve().parents[2]


def test_labelled_openers_are_read_with_each_choice_as_its_own_answer(tmp_path):
    (tmp_path / "concern_openers.yml").write_text(
        "openers:\n"
        "- text: y5 lad, nits again, mum drinks\n"
        "  details: {age_band: age_5_11, answers: {daily_life: nits, adult_needs: 'yes', missed_appointments: 'no'}}\n"
        "- text: no details here\n"
        "- text: unlabelled too\n  details: {}\n")
    texts, answered = labelled_openers([tmp_path])
    assert texts == ["y5 lad, nits again, mum drinks"]
    assert answered == [{"daily_life", "adult_needs=yes", "missed_appointments=no"}]


def test_the_tuning_sets_give_the_model_hundreds_of_labelled_openers():
    texts, answered = labelled_openers(sorted(p for p in ROOT.glob("tests/dev*") if p.is_dir()))
    assert len(texts) >= 1500 and sum("daily_life" in a for a in answered) >= 300


def test_a_question_said_in_new_words_is_found_with_the_clause_that_answers_it():
    model = DetailsModel(default_embedder()).fit(
        ["mum has been cancelling the health visitor for months", "dad never takes him to the dentist",
         "she missed her jabs and the hearing test", "the GP appointments keep getting missed",
         "they did not bring her to the eye clinic", "nobody turned up to the paediatric follow up",
         "he is always hungry at school", "the house smells and there is no food",
         "she has the same dirty uniform every day", "mum is low and drinking",
         "dad works nights and sleeps all day", "the flat is cold and damp"],
        [{"missed_appointments=yes"}] * 6 + [{"daily_life"}] * 3 + [set()] * 3)
    text = "the boy is 4. they never bring him to the speech therapy sessions we book"
    found = model.answered(text, details.clauses(text), threshold=0.5)
    index, choice = found["missed_appointments"]
    assert choice == "yes" and "never bring him" in details.clauses(text)[index]


def test_the_model_adds_an_answer_the_words_missed_and_never_overrides_one_they_found():
    text = "year 3 girl, always hungry. nothing has really changed since the plan started"
    words_only = details.opening(KB, text).answers
    assert "daily_life" in words_only and "plan_progress" not in words_only and "impact" not in words_only
    told = details.opening(KB, text, {"plan_progress": (1, "no"), "impact": (1, None), "daily_life": (1, None)}).answers
    assert told["plan_progress"] == {"text": "nothing has really changed since the plan started", "value": "no"}
    assert told["impact"] == {"text": "nothing has really changed since the plan started", "value": None}
    assert told["daily_life"] == words_only["daily_life"]


def test_a_clause_out_of_range_or_a_question_not_for_this_age_is_left_out():
    text = "hv here, 6 week old"
    told = details.opening(KB, text, {"history": (7, None), "young_person_view": (0, None),
                                      "adult_needs": (0, "maybe"), "feeding_weight": (0, "yes")}).answers
    assert not {"history", "young_person_view", "adult_needs", "feeding_weight"} & set(told)


def test_what_the_action_server_is_sent_is_checked_before_it_is_believed():
    parse = {"text": "mum drinks", "intent": {"name": "share_worry", "confidence": 0.9},
             details.HEARD_ANSWERS: {"adult_needs": [0, "yes"], "history": [1, None], "not_a_question": [0, None],
                                     "impact": ["0", None], "voice": [True, None], "plan": [10 ** 9, None],
                                     "caring_role": [0, "perhaps"], "daily_life": [0, "yes"], "agencies": 0}}
    assert reflection.heard_from(KB, parse).learned == (("adult_needs", 0, "yes"), ("history", 1, None))
    assert reflection.heard_from(KB, {**parse, details.HEARD_ANSWERS: ["adult_needs"]}).learned == ()
