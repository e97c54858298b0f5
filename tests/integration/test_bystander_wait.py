"""No practitioner's input can slow another's (issue 13): a question asked
while someone else's largest accepted answer is being anonymised is answered
about as fast as it is alone (benchmarks/bystander_wait.py)."""

from benchmarks.bystander_wait import measure
from tests.helpers.bot import RASA_PORT


def test_a_question_beside_the_largest_answer_waits_little_longer_than_alone(servers):
    figures = measure(f"http://127.0.0.1:{RASA_PORT}", rounds=3)
    print("\nbystander figures:", figures)
    assert figures["bystander_beside_largest_answer_s"] < figures["bystander_alone_s"] + 1.0
