"""Telling a message in another language from English, shorthand included."""

import pytest

from seen import knowledge, language

SHORTHAND = knowledge.load().opening.english_shorthand


@pytest.mark.parametrize("text", [
    "Dziecko jest często głodne w szkole, co mam zrobić?",
    "Copilul vine mereu flămând la școală și hainele lui sunt murdare",
    "A criança chega sempre com fome e com a roupa suja",
    "Je m'inquiète pour un enfant de ma classe, il arrive souvent le ventre vide",
    "Çocuk okula hep aç geliyor, ne yapmalıyım?",
    "Дитина завжди голодна, що мені робити?",
    "孩子总是饿着肚子来上学",
])
def test_another_language_is_recognised(text):
    assert not language.is_english(text, SHORTHAND)


@pytest.mark.parametrize("text", [
    "hv here, baby not gaining",
    "yr 9 lad, csc closed it, dsl says monitor",
    "mum's bf DNA'd the TAF again, kids grubby",
    "thanks",
    "merci",  # too short to tell: English is assumed
])
def test_english_and_practitioners_shorthand_are_english(text):
    assert language.is_english(text, SHORTHAND)
