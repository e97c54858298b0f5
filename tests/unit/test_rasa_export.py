"""Topics added in knowledge/ become intents, rules and test stories with no Python change,
and `--check` fails while the committed files say otherwise."""

import shutil

import pytest
import yaml

from seen import knowledge, rasa_export
from seen.settings import KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def kb():
    return knowledge.load()


@pytest.fixture
def bot(tmp_path, kb):
    """A bot/ folder with the hand-written domain the rules read, and freshly generated files."""
    bot = tmp_path / "bot"
    (bot / "domain").mkdir(parents=True)
    shutil.copy(rasa_export.BOT_DIR / "domain" / "base.yml", bot / "domain")
    rasa_export.write(kb, bot)
    return bot


def _contents(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_committed_bot_data_matches_knowledge(kb):
    stale = rasa_export.stale(kb)
    assert not stale, f"run `python -m seen.rasa_export`: out of date {stale}"


def test_a_new_topic_file_is_all_it_takes_to_add_a_topic(tmp_path):
    root = shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    new = yaml.safe_load((root / "topics" / "dvrim.yml").read_text())
    new.update(id="new_topic", title="A new topic", examples=["tell me about the new topic"], related=[])
    (root / "topics" / "new_topic.yml").write_text(yaml.safe_dump(new))
    rendered = rasa_export.render(knowledge.load(root)).items()
    files = {p.relative_to(rasa_export.BOT_DIR).as_posix(): yaml.safe_load(t) for p, t in rendered}
    nlu = files["data/generated/nlu/topics.yml"]["nlu"]
    assert {"intent": "topic_new_topic", "examples": "- tell me about the new topic\n"} in nlu
    assert "topic_new_topic" in files["domain/generated/topics.yml"]["intents"]
    rules = files["data/generated/rules/respond.yml"]["rules"]
    assert any(r["steps"][0] == {"intent": "topic_new_topic"} for r in rules)
    stories = files["tests/generated/test_topics.yml"]["stories"]
    assert any(s["steps"][0]["intent"] == "topic_new_topic" for s in stories)


def test_check_passes_on_fresh_files(bot, capsys):
    assert rasa_export.main(["--check"], bot) == 0
    assert capsys.readouterr().err == ""


def test_check_names_each_stale_file_and_writes_nothing(bot, capsys):
    edited = bot / "data" / "generated" / "nlu" / "topics.yml"
    edited.write_text(edited.read_text() + "- intent: typed_by_hand\n")
    (bot / "domain" / "generated" / "safety.yml").unlink()
    left_behind = bot / "data" / "nlu" / "reflection.yml"  # where generated files used to be
    left_behind.parent.mkdir()
    shutil.copy(bot / "data" / "generated" / "nlu" / "reflection.yml", left_behind)
    before = _contents(bot)

    assert rasa_export.main(["--check"], bot) == 1

    assert _contents(bot) == before
    assert capsys.readouterr().err.splitlines() == [
        "out of date: bot/data/generated/nlu/topics.yml (run python -m seen.rasa_export)",
        "no longer generated: bot/data/nlu/reflection.yml (run python -m seen.rasa_export)",
        "missing: bot/domain/generated/safety.yml (run python -m seen.rasa_export)",
    ]


def test_writing_removes_a_generated_file_nothing_generates_any_more(bot, kb):
    left_behind = bot / "domain" / "topics.yml"
    shutil.copy(bot / "domain" / "generated" / "topics.yml", left_behind)
    hand_written = bot / "domain" / "base.yml"

    rasa_export.write(kb, bot)

    assert not left_behind.exists() and hand_written.exists()
    assert rasa_export.stale(kb, bot) == {}
