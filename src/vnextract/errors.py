"""Exceptions vnextract raises.

Bad input gets a clear answer: a wrong type is a :class:`TypeError` naming the type expected;
bytes that are not UTF-8 are an :class:`InvalidUTF8Error`, a text with a lone surrogate a
:class:`LoneSurrogateError`, a text over ``max_length`` a :class:`TextTooLongError`; all are
:class:`InputError`, hence also :class:`ValueError`.
:class:`AlignmentError` is a bug in vnextract, never the caller's fault.
"""

from __future__ import annotations


class VnextractError(Exception):
    """Base class of vnextract's own errors."""


class AlignmentError(VnextractError):
    """A token or span could not be placed on the caller's text (a bug: please report it)."""


class InputError(VnextractError, ValueError):
    """The text cannot be processed as given (also a ValueError, for callers that catch that)."""


class InvalidUTF8Error(InputError):
    """Bytes given as text are not UTF-8; ``position`` is the offset of the first bad byte.

    >>> import vnextract
    >>> vnextract.extract(b"H\\xe0 N\\xf4i")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnextract.errors.InvalidUTF8Error: text is not valid UTF-8: byte 0xe0 at position 1 ...
    """

    def __init__(self, message: str, *, position: int) -> None:
        super().__init__(message)
        self.position = position

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only fields: tell pickle how to rebuild (pipe() sends errors across processes)
        return (_rebuild, (type(self), self.args, {"position": self.position}))


class LoneSurrogateError(InputError):
    """The text holds a lone surrogate (U+D800–U+DFFF), which no UTF-8 output can hold.

    Such code points come from JSON escapes like ``"\\ud800"`` or from bytes decoded with
    ``errors="surrogateescape"``. A record holding one could not be written as JSON; replacing
    it would break ``text[start:end] == record.text``. So the caller decides: replace them
    (``vnextract.replace_surrogates(text)``, same length, same offsets) or fix the source.
    ``position`` is the index of the first one.
    """

    def __init__(self, message: str, *, position: int) -> None:
        super().__init__(message)
        self.position = position

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, {"position": self.position}))


class TextTooLongError(InputError):
    """The text is longer than ``max_length`` characters (see :data:`vnextract.text.MAX_LENGTH`)."""

    def __init__(self, message: str, *, length: int, max_length: int) -> None:
        super().__init__(message)
        self.length = length
        self.max_length = max_length

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, {"length": self.length, "max_length": self.max_length}))


def _rebuild(cls: type[InputError], args: tuple[object, ...], fields: dict[str, int]) -> InputError:
    """Unpickle an error whose constructor takes keyword-only fields."""
    return cls(*args, **fields)
