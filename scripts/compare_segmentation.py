"""Check that vnextract's word segmentation equals underthesea's word_tokenize, word for word.

    python scripts/compare_segmentation.py ../shared/news/big.jsonl.gz --limit 2000

vnextract computes underthesea's CRF segmentation itself (vnextract.text.word_segmenter, same model
file, faster featurising). This runs both over every sentence of the articles and prints each
sentence where they differ; the exit code is 1 when any does.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator


def read_texts(path: str, limit: int) -> Iterator[str]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            yield json.loads(line)["text"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="JSONL(.gz) with a 'text' field")
    parser.add_argument("--limit", type=int, default=1000, help="articles to compare (default 1000)")
    args = parser.parse_args(argv)

    import underthesea

    from vnextract.text import normalize
    from vnextract.text import underthesea as _underthesea

    _underthesea._warm()
    if _underthesea._segmenter is None:
        print("vnextract falls back to underthesea's tagger here (unknown model): nothing to compare")
        return 0
    sentences = differ = 0
    ours_time = theirs_time = 0.0
    for text in read_texts(args.path, args.limit):
        normalized = normalize(text).text
        for sentence in underthesea.sent_tokenize(normalized):
            sentences += 1
            t = time.process_time()
            ours = _underthesea.word_tokenize(sentence)
            ours_time += time.process_time() - t
            t = time.process_time()
            theirs = underthesea.word_tokenize(sentence, use_token_normalize=False)
            theirs_time += time.process_time() - t
            if ours != theirs:
                differ += 1
                print(f"DIFF {sentence[:300]!r}\n  ours   {ours}\n  theirs {theirs}", file=sys.stderr)
    print(
        f"{sentences:,} sentences, {differ} differ; vnextract {ours_time:.2f} s CPU, "
        f"underthesea word_tokenize {theirs_time:.2f} s CPU ({theirs_time / max(ours_time, 1e-9):.1f}x)"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
