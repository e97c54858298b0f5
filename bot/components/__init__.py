"""Custom Rasa graph components for Seen (on PYTHONPATH when Rasa runs)."""
