"""The three pieces of underthesea that word segmentation needs, read from its installed files
without importing the ``underthesea`` package.

``import underthesea`` runs the package's ``__init__``, which imports every pipeline (NER, POS,
chunking, classification, translation …) and with them joblib, numpy and requests: about 0.8 s
of CPU in each new process, most of vnextract's import-and-first-call time, for none of which
vnextract has a use. What it does use is small and sits in three files of the installed package:

- the sentence splitter (``pipeline/sent_tokenize/__init__.py``, standard library only), loaded
  as a module of its own from that file;
- the syllable tokenizer's pattern (``pipeline/word_tokenize/regex_tokenize.py``), whose module
  is run without its two imports of underthesea's normaliser (only its ``tokenize`` function
  uses them, and vnextract never calls it);
- the character map of ``normalize_characters_in_text`` (``tn_rules_*.bin`` of
  ``pipeline/text_normalize``: a pickle of two dicts, which underthesea reads with joblib).

It is underthesea's own code and data, found where the installed package keeps them, so the
pieces are the ones ``import underthesea`` would give (tests/test_underthesea_files.py compares
them with the package's). When a file is missing or reads differently (another underthesea
release), :func:`load` returns None and the caller imports underthesea as before.
"""

from __future__ import annotations

import importlib.util
import pickle
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

_SENT_TOKENIZE = Path("pipeline", "sent_tokenize", "__init__.py")
_REGEX_TOKENIZE = Path("pipeline", "word_tokenize", "regex_tokenize.py")
_TEXT_NORMALIZER = Path("pipeline", "text_normalize", "text_normalizer.py")
# The two import lines of regex_tokenize.py that pull in underthesea's normaliser (and joblib).
_NORMALISER_IMPORT = re.compile(r"^from underthesea\.pipeline\.text_normalize\b.*$", re.MULTILINE)
# text_normalizer.py's choice of rule file: `rule_file = "tn_rules_2023_07_14.bin"`.
_RULE_FILE = re.compile(r'^rule_file\s*=\s*"([^"]+)"', re.MULTILINE)


class Pieces(NamedTuple):
    sent_tokenize: Callable[[str], list[str]]
    pattern: str  # regex_tokenize.regex_patterns_combine
    normalize: Callable[[str], str]  # normalize_characters_in_text
    root: Path  # the installed package's folder (the word model lies under it)


def package_root() -> Path | None:
    """The installed underthesea's folder, found without importing it."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _module_from(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _character_map(root: Path) -> dict[str, str]:
    chosen = _RULE_FILE.search((root / _TEXT_NORMALIZER).read_text(encoding="utf-8"))
    if chosen is None:
        raise ValueError("text_normalizer.py names no rule file")
    # The file ships inside the installed package: reading it is no more trust than importing it.
    with (root / _TEXT_NORMALIZER).with_name(chosen.group(1)).open("rb") as handle:
        rules = pickle.load(handle)
    character = rules["character"]
    if not (isinstance(character, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in character.items())):
        raise ValueError("unexpected character map")
    return character


def _normalizer(character: dict[str, str]) -> Callable[[str], str]:
    pairs = tuple(character.items())

    def normalize_characters_in_text(text: str) -> str:
        """underthesea's function of that name: NFC, then each non-standard character replaced."""
        text = unicodedata.normalize("NFC", text)
        for non_standard, standard in pairs:
            text = text.replace(non_standard, standard)
        return text

    return normalize_characters_in_text


def _pattern(root: Path, normalize: Callable[[str], str]) -> str:
    source = (root / _REGEX_TOKENIZE).read_text(encoding="utf-8")
    source, removed = _NORMALISER_IMPORT.subn("", source)
    if removed != 2:
        raise ValueError("regex_tokenize.py imports differently")
    namespace: dict[str, Any] = {"__name__": "vnextract.text._underthesea_regex_tokenize",
                                 "normalize_characters_in_text": normalize, "token_normalize": None}
    exec(compile(source, str(root / _REGEX_TOKENIZE), "exec"), namespace)
    pattern = namespace["regex_patterns_combine"]
    if not isinstance(pattern, str):
        raise ValueError("no pattern")
    return pattern


def load() -> Pieces | None:
    """The pieces, or None when this underthesea's files are not as expected."""
    try:
        root = package_root()
        if root is None:
            return None
        normalize = _normalizer(_character_map(root))
        pattern = _pattern(root, normalize)
        sentences = _module_from(root / _SENT_TOKENIZE, "vnextract.text._underthesea_sent_tokenize")
        sent_tokenize = sentences.sent_tokenize
        if sent_tokenize("Khởi động. Xong.") != ["Khởi động.", "Xong."]:
            return None
        return Pieces(sent_tokenize, pattern, normalize, root)
    except Exception:  # any surprise in another release: import underthesea instead
        return None
