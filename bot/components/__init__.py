"""Custom Rasa graph components for Seen (on PYTHONPATH when Rasa runs).

Rasa imports this package when it loads Seen's model, so Rasa internals that
cost time on every message are replaced here first (components/rasa_speedups.py).
"""

from components import rasa_speedups

rasa_speedups.install()
