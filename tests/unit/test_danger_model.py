"""The danger score learns the line between an emergency and a concern from
the tuning sets, in their own file layout."""

from pathlib import Path

from seen.danger_model import MAX_PASSAGES, DangerModel, fit_rules_check, matched_by_rules, passages, tuning_examples
from seen.embeddings import default_embedder

ROOT = Path(__file__).resolve().parents[2]


def test_every_tuning_sets_emergencies_and_concerns_are_read(tmp_path):
    (tmp_path / "emergency_openers.yml").write_text("emergencies:\n- baby not breathing\n")
    (tmp_path / "emergencies_b.yml").write_text("emergencies:\n- hes not waking up\n")
    (tmp_path / "concern_openers.yml").write_text(
        "openers:\n- text: y5 lad, nits again\n  details: {age_band: age_5_11}\n- always hungry\n")
    (tmp_path / "ordinary_worried.yml").write_text("ordinary:\n- worried about a child in my class\n")
    emergencies, concerns = tuning_examples([tmp_path])
    assert sorted(emergencies) == ["baby not breathing", "hes not waking up"]
    assert concerns == ["y5 lad, nits again", "always hungry", "worried about a child in my class"]


def test_the_rules_check_reads_a_dangers_words_whether_or_not_the_rules_stood_them_down():
    texts = ["he had a burn on his arm last year that has healed", "he says his dad burned him",
             "uniform dirty for weeks, always hungry"]
    assert matched_by_rules(texts) == texts[:2]


def test_the_tuning_sets_give_the_score_hundreds_of_each():
    emergencies, concerns = tuning_examples(sorted(p for p in ROOT.glob("tests/dev*") if p.is_dir()))
    assert len(emergencies) >= 700 and len(concerns) >= 2000


def test_a_danger_now_scores_above_a_worry_about_the_past():
    model = DangerModel(default_embedder()).fit(
        ["the baby is not breathing", "he has just told me dad burned him and dad is outside now",
         "toddler alone in the flat right now, no answer at the door"],
        ["she has been in the same uniform for weeks", "mum keeps cancelling home visits",
         "he had a bruise last year that was looked into and closed", "the house is cluttered and smells"])
    danger, past = model.scores(["the little one is on his own in the house and nobody is answering",
                                 "a bruise back in the spring, seen by paeds and closed"])
    assert 0.0 <= past < 0.5 < danger <= 1.0


def test_the_rules_check_learns_only_from_messages_a_rule_matches():
    emergencies = ["he says his dad burned him and dad is outside now", "she has a knife and says she'll use it on him"]
    concerns = ["he had a burn on his arm last year that has healed", "found with a knife in his bag last year",
                "uniform dirty for weeks, always hungry"]
    check = fit_rules_check(default_embedder(), emergencies, concerns)
    without_unmatched = DangerModel(default_embedder()).fit(emergencies, concerns[:2])
    probes = ["a knife in his bag back in year 7", "dad burned him and is outside now", "always hungry"]
    assert check.scores(probes) == without_unmatched.scores(probes)
    past, now, _ = check.scores(probes)
    assert past < 0.5 < now


def test_a_long_account_of_neglect_is_scored_passage_by_passage():
    """A danger told in the last lines of a long account (fresh set EC: a boy fitting on the floor after five
    sentences about his clothes and his mum's nights) is scored on its own words."""
    text = ("Childminder. Mum works nights and he's often in yesterday's clothes. No nappies in his bag. "
            "He's had a cough for weeks. She hasn't taken him to the GP. "
            "He's on the floor now jerking all over and his eyes have rolled back.")
    found = passages(text)
    assert found[0] == ("She hasn't taken him to the GP. "
                        "He's on the floor now jerking all over and his eyes have rolled back")
    assert len(found) == 5
    assert passages("hes on the floor jerking and not stopping") == []
    assert passages("Mum works nights. He's on the floor jerking and not stopping.") == []
    assert len(passages(". ".join(f"sentence {i}" for i in range(60)))) == MAX_PASSAGES


def test_a_passage_scores_what_it_says_not_the_whole_account():
    model = DangerModel(default_embedder()).fit(
        ["the baby is not breathing", "he is fitting on the floor and not stopping", "toddler alone in the flat now"],
        ["same uniform for weeks", "mum keeps cancelling home visits", "the house is cluttered and smells",
         "no breakfast, always hungry", "dad is late every day at pick up"])
    account = ("Same uniform for weeks. Mum keeps cancelling home visits. The house is cluttered and smells. "
               "No breakfast, always hungry. He is fitting on the floor and not stopping.")
    (whole,), (passage,) = model.scores([account]), model.passage_scores([account])
    assert whole < 0.5 < passage
    assert model.passage_scores(["he is fitting on the floor and not stopping"]) == [0.0]
