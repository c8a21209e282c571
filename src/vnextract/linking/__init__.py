"""Linking steps: each module has ``link(text: Text, found: Mentions) -> Mentions``."""
