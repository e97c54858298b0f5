"""Topics added in knowledge/ become intents, rules and test stories with no Python change."""

import shutil

import yaml

from seen import knowledge, rasa_export
from seen.settings import KNOWLEDGE_DIR


def test_committed_bot_data_matches_knowledge():
    stale = rasa_export.stale(knowledge.load())
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
