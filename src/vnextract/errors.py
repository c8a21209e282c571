"""Exceptions vnextract raises."""


class VnextractError(Exception):
    """Base class of vnextract's own errors."""


class AlignmentError(VnextractError):
    """A token or span could not be placed on the caller's text (a bug: please report it)."""
