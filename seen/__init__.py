"""Seen: a reflective-practice assistant for practitioners worried about child neglect.

Plain Python shared by the Rasa actions and the web app; it never imports Rasa.
"""
