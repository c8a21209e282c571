"""Recognisers: each module has ``recognize(text: Text) -> Iterator[Span]``."""
