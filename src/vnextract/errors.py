"""Exceptions vnextract raises.

Bad input gets a clear answer: a wrong type is a :class:`TypeError` naming the type expected;
bytes that are not UTF-8 are an :class:`InvalidUTF8Error`, a text with a lone surrogate a
:class:`LoneSurrogateError`, a text over ``max_length`` a :class:`TextTooLongError`; all are
:class:`InputError`, hence also :class:`ValueError`.
:class:`AlignmentError` is a bug in vnextract, never the caller's fault. :class:`PipeError` is a
text that failed inside :func:`vnextract.pipe` (also importable from :mod:`vnextract.parallel`).
"""

from __future__ import annotations

from typing import Any, NamedTuple


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


class PipeError(VnextractError):
    """A text failed inside :func:`vnextract.pipe`, or a worker process died.

    ``index`` is the position of the text in the input (0-based), or None when a worker died
    before it took any text. The original exception, when there is one, is ``__cause__``.
    ``reason`` is the message without the "text #N: " prefix ("TextTooLongError: text has …"):
    what a caller that knows the text by another name (a file and line) prints.
    """

    def __init__(
        self, message: str, *, index: int | None, reason: str | None = None, worker: WorkerDeath | None = None
    ) -> None:
        super().__init__(message)
        self.index = index
        self.reason = message if reason is None else reason
        #: When a worker process died: which, how, and the texts it held (else None).
        self.worker = worker

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_pipe_error, (str(self), self.index, self.reason, self.worker))


def _rebuild_pipe_error(
    message: str, index: int | None, reason: str | None = None, worker: WorkerDeath | None = None
) -> PipeError:
    return PipeError(message, index=index, reason=reason, worker=worker)


class WorkerDeath(NamedTuple):
    """A worker process that died: its pid and exit code, the input index of the text it was on
    (None: it died loading its models) and the indexes of the first and last text of its batch.
    ``started`` is False when it died between texts, before starting the batch's first
    (``text_index`` is then that first text).
    """

    pid: int | None
    exit_code: int | None
    text_index: int | None
    first: int
    last: int
    started: bool = True

    def describe(self, name: str | None = None, *, batch: bool = True, explain: bool = False) -> str:
        """ "worker process 41 died (exit code -9) while extracting text #5 (texts #0–#7 were in
        its batch)". ``name`` names the text otherwise (a file and line, for a caller that knows
        it by that); ``batch=False`` leaves out the batch; ``explain`` says what exit code -9
        usually means."""
        code = f"exit code {self.exit_code}"
        if explain and self.exit_code == -9:
            code += ": killed, perhaps for lack of memory"
        if self.text_index is None:
            where = "while loading its models"
        else:
            text = name if name is not None else f"text #{self.text_index}"
            where = f"{'while' if self.started else 'before'} extracting {text}"
        texts = f" (texts #{self.first}–#{self.last} were in its batch)" if batch else ""
        return f"worker process {self.pid} died ({code}) {where}{texts}"
