"""Rasa tracker stores for Seen (see conversations.py)."""
