"""The intent model recognises meaning, not just shared words."""

import pytest

from seen.embeddings import default_embedder
from seen.intent_model import IntentModel

TRAINING = {
    "disguised_compliance": [
        "parents agree to everything but nothing changes",
        "they say all the right things at meetings",
        "what is disguised compliance",
    ],
    "making_a_referral": [
        "how do I refer to children's social care",
        "what should go in my referral",
        "making a referral about neglect",
    ],
    "missed_appointments": [
        "the baby keeps missing health appointments",
        "was not brought to the clinic again",
        "missed hospital appointments",
    ],
}


@pytest.fixture(scope="module")
def model():
    texts = [t for examples in TRAINING.values() for t in examples]
    intents = [i for i, examples in TRAINING.items() for _ in examples]
    return IntentModel(default_embedder()).fit(texts, intents)


@pytest.mark.parametrize(
    "message, intent",
    [
        ("mum nods along at core group yet the home never improves", "disguised_compliance"),
        ("how do I let csc know I'm worried about a family", "making_a_referral"),
        ("toddler wasn't taken to the dentist or the GP again", "missed_appointments"),
        ("refferal to social care", "making_a_referral"),
    ],
)
def test_unseen_phrasings_find_their_intent(model, message, intent):
    ranking = model.rank([message])[0]
    assert ranking[0][0] == intent, f"{message!r} was taken as {ranking[0]}"
    assert abs(sum(p for _, p in ranking) - 1) < 1e-6


def test_embeddings_are_unit_length_and_close_for_close_meanings():
    vectors = default_embedder().embed([
        "the parents agree to everything but nothing changes",
        "mum says yes to all the actions but the house is still filthy",
        "how do I make a referral to children's social care",
    ])
    assert vectors.shape == (3, 384)
    similar, different = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert similar > different + 0.1


def test_a_batch_gives_each_text_the_vector_it_gets_alone():
    """Training embeds thousands of texts shortest first; each vector must
    still be its own text's, in the order asked."""
    texts = ["mum says yes to all the actions but the house is still filthy, the kids are hungry and tired",
             "hv here",
             "how do I make a referral to children's social care"]
    embedder = default_embedder()
    together = embedder.embed(texts)
    for i, text in enumerate(texts):
        assert abs(together[i] - embedder.embed([text])[0]).max() < 1e-5


def test_training_data_is_embedded_once_and_a_message_is_never_kept():
    from seen.embeddings import Embedder

    embedder = Embedder()
    examples = ["what is disguised compliance", "how do I refer to children's social care"]
    first = embedder.embed_training_data(examples)
    assert abs(first - embedder.embed(examples)).max() < 1e-5
    assert abs(embedder.embed_training_data(examples[::-1]) - first[::-1]).max() == 0
    embedder.embed(["mum's boyfriend Darren hit him last night"])
    assert set(embedder._training_vectors) == set(examples)
