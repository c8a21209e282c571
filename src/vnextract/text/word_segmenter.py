"""underthesea's word segmentation, computed faster: same model, same words, less work per syllable.

underthesea's ``word_tokenize`` runs a CRF (``ws_crf_vlsp2013_20230727``, trained on VLSP 2013)
over its syllable tokens. For every syllable its featuriser builds 43 strings ("T[-1,0].lower=
bình dương", "T[0].istitle=True", …) and the tagger looks each up; that is about 80 % of its time.
Most of those strings are not in the model (it has 50,671 attributes) and the rest repeat.

Here the weights are read once from the same model file and regrouped by what they look at: the
templates over one syllable (T[k], its lower case, isdigit, istitle, is_in_dict at offsets
-2…2) become one vector per distinct syllable, cached; those over two and three syllables are
looked up once per window, not once per template. With two labels only the difference
score(B-W) − score(I-W) matters to Viterbi, so each attribute is one float. The output is
underthesea's own (checked word for word on news in tests and in scripts/compare_segmentation.py).

If the installed underthesea ships a model whose templates differ from the ones this module
knows, ``load()`` returns None and the caller keeps underthesea's ``word_tokenize``.
"""

from __future__ import annotations

import itertools
import math
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import regex

from vnextract.text.crfsuite_model import CRFModel, ModelFormatError, read_crfsuite

#: The model's feature templates, in the order underthesea lists them (features.bin).
TEMPLATES = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)  # fmt: skip

#: Offsets (from the tagged syllable) of the first syllable of the windows the templates read,
#: per window length; a window's weight vector has one slot per offset, in this order.
OFFSETS = {1: (-2, -1, 0, 1, 2), 2: (-2, -1, 0, 1), 3: (-2, -1, 0)}
_FLAGS = ("isdigit", "istitle", "is_in_dict")
_TEMPLATE = regex.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
#: Offsets of the first syllable of a window, per window length: the padding of each window list.
_PAD = 2
#: Windows cached per window length. A full cache takes no more (the frequent windows come
#: early), so memory stops growing after about 2,000 news articles at a few MB; emptying and
#: refilling it instead made the process's memory creep up for tens of thousands of articles.
_CACHE_LIMIT = {1: 20_000, 2: 30_000, 3: 30_000}
#: Scores closer than this count as tied (they are sums of about 40 weights of size 0.01–10).
_TIE = 1e-7
# Rust's str::parse::<i32>, which underthesea_core's "isdigit" is: an optional sign, ASCII digits.
_I32 = regex.compile(r"[+-]?[0-9]+")


def _isdigit(text: str) -> bool:
    return _I32.fullmatch(text) is not None and -(2**31) <= int(text) < 2**31


@attrs.frozen
class _WindowTables:
    """The weights of the templates over windows of one length (see WordSegmenter.__init__)."""

    raw: dict[str, list[float]]
    lower: dict[str, list[float]]
    isdigit: tuple[list[float], list[float]] | None
    istitle: tuple[list[float], list[float]] | None
    is_in_dict: tuple[list[float], list[float]]


class WordSegmenter:
    """underthesea's CRF word segmentation over its syllable tokens, as B-W/I-W tags."""

    def __init__(self, model: CRFModel, dictionary: frozenset[str]) -> None:
        if model.labels != ("B-W", "I-W"):
            raise ModelFormatError(f"labels {model.labels}, expected ('B-W', 'I-W')")
        self._model = model  # kept for the rare sentence whose best taggings tie (_exact_tags)
        self._dictionary = dictionary
        (self._bb, self._bi), (self._ib, self._ii) = model.transition
        # Per window length: value → weight per slot (raw text, lower case), and for the flag
        # functions (isdigit, istitle, is_in_dict) the pair (weights if False, weights if True).
        raw: dict[int, dict[str, list[float]]] = {n: {} for n in OFFSETS}
        low: dict[int, dict[str, list[float]]] = {n: {} for n in OFFSETS}
        flags: dict[tuple[int, str], tuple[list[float], list[float]]] = {}
        bos = {n: [0.0] * len(o) for n, o in OFFSETS.items()}
        eos = {n: [0.0] * len(o) for n, o in OFFSETS.items()}
        where: dict[str, tuple[int, int, str]] = {}  # template → (length, slot, function)
        self._templates: list[tuple[str, int, int, str]] = []  # (name=, first, last, function)
        for name in TEMPLATES:
            m = _TEMPLATE.fullmatch(name)
            if m is None:
                raise ModelFormatError(f"template {name!r}")
            first, last, function = int(m[1]), int(m[2] or m[1]), m[3] or "raw"
            self._templates.append((name + "=", first, last, function))
            length = last - first + 1
            where[name] = (length, OFFSETS[length].index(first), function)
            if function in _FLAGS and (length, function) not in flags:
                flags[length, function] = ([0.0] * len(OFFSETS[length]), [0.0] * len(OFFSETS[length]))
        sizes = {n: len(o) for n, o in OFFSETS.items()}
        for attribute, (w_begin, w_inside) in model.state.items():
            name, _, value = attribute.partition("=")
            template = where.get(name)
            if template is None:
                raise ModelFormatError(f"attribute {attribute!r} of no known template")
            length, slot, function = template
            weight = w_begin - w_inside  # only score(B-W) - score(I-W) matters to Viterbi
            if value == "BOS" or value == "EOS":
                (bos if value == "BOS" else eos)[length][slot] += weight
            elif function in _FLAGS:
                flags[length, function][value == "True"][slot] += weight
            else:
                table = (raw if function == "raw" else low)[length]
                row = table.get(value)
                if row is None:  # a row made only for a new value (50,000 attributes: start-up time)
                    row = table[value] = [0.0] * sizes[length]
                row[slot] += weight
        self._by_length: dict[int, _WindowTables] = {
            n: _WindowTables(
                raw=raw[n],
                lower=low[n],
                isdigit=flags.get((n, "isdigit")),
                istitle=flags.get((n, "istitle")),
                is_in_dict=flags.get((n, "is_in_dict"), ([0.0] * len(o), [0.0] * len(o))),
            )
            for n, o in OFFSETS.items()
        }
        self._bos_pad = {n: [tuple(v)] * _PAD for n, v in bos.items()}
        self._eos = {n: tuple(v) for n, v in eos.items()}
        # The flag templates' vector for each (is_in_dict, istitle, isdigit) outcome, per length.
        self._flags: dict[int, dict[tuple[bool, bool, bool], tuple[float, ...]]] = {}
        for n, t in self._by_length.items():
            self._flags[n] = {}
            for in_dict, title, digit in itertools.product((False, True), repeat=3):
                parts = [t.is_in_dict[in_dict]]
                parts += [t.istitle[title]] if t.istitle else []
                parts += [t.isdigit[digit]] if t.isdigit else []
                self._flags[n][in_dict, title, digit] = tuple(map(sum, zip(*parts, strict=True)))
        # Window text → its vector, per window length (see _window).
        self._cache: dict[int, dict[str, tuple[float, ...]]] = {n: {} for n in OFFSETS}

    # -- per-window weights -------------------------------------------------------------------

    def _window(self, text: str, length: int, title: bool) -> tuple[float, ...]:
        """What a window of ``length`` syllables ("Bình Dương") adds at each of its offsets.

        Every template function is a function of the window's text alone, so the vector is
        cached by that text (underthesea_core joins the syllables with one space and applies
        lower/istitle/is_in_dict to the joined text; we do the same). ``title``: the text's
        istitle, which the caller knows from its syllables."""
        tables = self._by_length[length]
        lower = text.lower()
        flags = self._flags[length][
            lower in self._dictionary,
            tables.istitle is not None and title,
            tables.isdigit is not None and _isdigit(text),
        ]
        raw, low = tables.raw.get(text), tables.lower.get(lower)
        if raw is None and low is None:
            vector = flags  # most windows: shared, no new floats
        else:
            vector = tuple(map(sum, zip(*(p for p in (flags, raw, low) if p), strict=True)))
        cache = self._cache[length]
        if len(cache) < _CACHE_LIMIT[length]:  # threads may race past the limit by a few entries
            cache[text] = vector
        return vector

    def _fill(
        self, vectors: list[tuple[float, ...] | None], keys: list[str], titles: list[bool], length: int
    ) -> None:
        """Put in ``vectors`` the vector of each window where it holds None: :meth:`_window`
        written out for a whole sentence (once the caches are full, about half the windows of
        three syllables come here, so the per-window call and look-ups add up)."""
        tables = self._by_length[length]
        flags = self._flags[length]
        dictionary = self._dictionary
        raw_get, low_get = tables.raw.get, tables.lower.get
        use_title, use_digit = tables.istitle is not None, tables.isdigit is not None
        cache, limit = self._cache[length], _CACHE_LIMIT[length]
        for i, vector in enumerate(vectors):
            if vector is not None:
                continue
            text = keys[i]
            lower = text.lower()
            flag = flags[
                lower in dictionary,
                use_title and all(titles[i : i + length]),
                use_digit and _isdigit(text),
            ]
            raw, low = raw_get(text), low_get(lower)
            if raw is None and low is None:
                vector = flag
            else:
                vector = tuple(map(sum, zip(*(p for p in (flag, raw, low) if p), strict=True)))
            vectors[i] = vector
            if len(cache) < limit:
                cache[text] = vector

    def _padded(self, keys: list[str], titles: list[bool], length: int) -> list[tuple[float, ...]]:
        """Vectors of windows starting at -PAD … n+1 (BOS/EOS vectors where out of the sentence).

        ``keys``: the text of each window in the sentence; ``titles``: each syllable's istitle."""
        get = self._cache[length].get
        vectors = [get(k) for k in keys]
        if None in vectors:  # some not seen yet (or not cached: the cache is full)
            self._fill(vectors, keys, titles, length)
        out: list[tuple[float, ...]] = self._bos_pad[length] + vectors  # type: ignore[operator]
        out.extend([self._eos[length]] * (len(titles) + 2 * _PAD - len(out)))
        return out

    # -- tagging ------------------------------------------------------------------------------

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """B-W/I-W per syllable token, as underthesea's CRF tags them."""
        n = len(tokens)
        if n == 0:
            return []
        t1 = list(tokens)
        t2 = t1[1:]
        # underthesea_core's istitle of a window: every space-separated part starts with a
        # character its upper-casing leaves alone ("Hà", "HÀ", "3", "-" yes; "hà", "ß" no).
        titles = [t[:1].upper() == t[:1] for t in t1]
        one = self._padded(t1, titles, 1)
        two = self._padded([a + " " + b for a, b in zip(t1, t2, strict=False)], titles, 2)
        three = self._padded([f"{a} {b} {c}" for a, b, c in zip(t1, t2, t1[2:], strict=False)], titles, 3)
        # Position t sums slot s of window t+s of each list (slot s = offset s-2, lists padded
        # by 2 in front): five one-syllable, four two-syllable and three three-syllable slots.
        delta = [
            a[0] + b[1] + c[2] + d[3] + e[4] + f[0] + g[1] + h[2] + i[3] + j[0] + k[1] + m[2]
            for a, b, c, d, e, f, g, h, i, j, k, m in zip(
                one, one[1:], one[2:], one[3:], one[4:],
                two, two[1:], two[2:], two[3:],
                three, three[1:], three[2:],
                strict=False,
            )
        ]
        tags = self._viterbi(delta)
        if tags is None:  # a (near) tie: redo it the way underthesea_core does, to the last bit
            return self._exact_tags(t1)
        return tags

    # -- the slow exact way, for ties ----------------------------------------------------------

    def _attributes(self, tokens: list[str], t: int) -> Iterator[str]:
        """The attribute strings underthesea_core's CRFFeaturizer makes for position ``t``, in
        its order (its featurizers.rs: BOS/EOS out of the sentence, syllables joined by one
        space, then lower / isdigit (an i32) / istitle / is_in_dict of the lower case)."""
        n = len(tokens)
        for name, first, last, function in self._templates:
            if t + first < 0:
                yield name + "BOS"
                continue
            if t + last >= n:
                yield name + "EOS"
                continue
            text = " ".join(tokens[t + first : t + last + 1])
            if function == "lower":
                text = text.lower()
            elif function == "isdigit":
                text = str(_isdigit(text))
            elif function == "istitle":
                firsts = "".join([part[:1] for part in text.split(" ")])
                text = str(firsts.upper() == firsts)
            elif function == "is_in_dict":
                text = str(text.lower() in self._dictionary)
            yield name + text

    def _exact_tags(self, tokens: list[str]) -> list[str]:
        """underthesea_core's tagging, operation for operation (crf/tagger.rs, crf/model.rs):
        per label, the weights of the position's known attributes summed in template order
        (weights of magnitude ≤ 1e-10 are not kept by its model), then Viterbi keeping the
        first best on equal scores. Same floats, so even exact ties come out as underthesea's."""
        state = self._model.state
        emissions: list[tuple[float, float]] = []
        for t in range(len(tokens)):
            begin = inside = 0.0
            for attribute in self._attributes(tokens, t):
                weights = state.get(attribute)
                if weights is not None:
                    begin += weights[0] if abs(weights[0]) > 1e-10 else 0.0
                    inside += weights[1] if abs(weights[1]) > 1e-10 else 0.0
            emissions.append((begin, inside))
        trans = self._model.transition
        score = list(emissions[0])
        back: list[tuple[int, int]] = []
        for emission in emissions[1:]:
            new, pointers = [0.0, 0.0], [0, 0]
            for y in (0, 1):
                best, best_prev = -math.inf, 0
                for prev in (0, 1):
                    candidate = score[prev] + trans[prev][y]
                    if candidate > best:
                        best, best_prev = candidate, prev
                new[y] = best + emission[y]
                pointers[y] = best_prev
            back.append((pointers[0], pointers[1]))
            score = new
        label = 1 if score[1] > score[0] else 0
        labels = [label]
        for row in reversed(back):
            label = row[label]
            labels.append(label)
        labels.reverse()
        return [self._model.labels[label] for label in labels]

    def _viterbi(self, delta: list[float]) -> list[str] | None:
        """Best B-W/I-W path; state score δ for B-W and 0 for I-W (only differences matter).

        None when two choices score within _TIE of each other: our sums run in another order
        than underthesea_core's, so float rounding could break an exact tie the other way."""
        bb, bi, ib, ii = self._bb, self._bi, self._ib, self._ii
        tie, neg_tie = _TIE, -_TIE
        score_b, score_i = delta[0], 0.0
        b_back: list[bool] = []  # per step: the best previous of B is B
        i_back: list[bool] = []  # per step: the best previous of I is B
        for d in delta[1:]:
            from_b, from_i = score_b + bb, score_i + ib
            to_i_b, to_i_i = score_b + bi, score_i + ii
            # chained comparisons, not min(abs(…)): this loop runs once per syllable
            if neg_tie < from_b - from_i < tie or neg_tie < to_i_b - to_i_i < tie:
                return None
            if from_b >= from_i:
                b_back.append(True)
                score_b = from_b + d
            else:
                b_back.append(False)
                score_b = from_i + d
            if to_i_b >= to_i_i:
                i_back.append(True)
                score_i = to_i_b
            else:
                i_back.append(False)
                score_i = to_i_i
        if neg_tie < score_b - score_i < tie:
            return None
        is_b = score_b >= score_i
        tags = ["B-W" if is_b else "I-W"]
        for k in range(len(b_back) - 1, -1, -1):
            is_b = b_back[k] if is_b else i_back[k]
            tags.append("B-W" if is_b else "I-W")
        tags.reverse()
        return tags


#: Where underthesea keeps the model, under its package directory.
MODEL_DIR = Path("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")


def load(directory: Path) -> WordSegmenter | None:
    """The segmenter for underthesea's model in ``directory``, or None when the files are
    missing or the model is not the one this module reproduces (other feature templates)."""
    try:
        with open(directory / "features.bin", "rb") as f:
            templates = pickle.load(f)  # joblib wrote these two as plain pickles
        if tuple(templates) != TEMPLATES:
            return None
        with open(directory / "dictionary.bin", "rb") as f:
            dictionary = frozenset(pickle.load(f))
        model = read_crfsuite((directory / "models.bin").read_bytes())
        return WordSegmenter(model, dictionary)
    except (OSError, pickle.UnpicklingError, ModelFormatError, ValueError, TypeError):
        return None


def word_ranges(tags: Sequence[str]) -> list[tuple[int, int]]:
    """[first, last) syllable indexes of each word, as underthesea groups them ("I-W" continues
    a word, "B-W" and a leading "I-W" start one): B I B → [(0, 2), (2, 3)]."""
    starts = [i for i, tag in enumerate(tags) if tag != "I-W" or i == 0]
    return list(zip(starts, [*starts[1:], len(tags)], strict=False))  # no tags: no words


def words(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Join syllable tokens into words the way underthesea does: "Bình", "Dương" → "Bình Dương"."""
    return [" ".join(tokens[a:b]) for a, b in word_ranges(tags)]
