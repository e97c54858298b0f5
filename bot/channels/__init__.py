"""Rasa input channels Seen adds."""
