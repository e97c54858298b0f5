"""Seen's custom actions: thin wrappers that read the tracker and call seen."""
