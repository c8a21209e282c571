"""Recogniser: persons, organisations and locations (PER / ORG / LOC).

Rules and lexicons, no statistical model (no openly licensed Vietnamese NER data exists to
train one we could ship): one left-to-right pass over the syllables of each sentence, then one
pass over the whole document for names seen earlier ("ông Liêm" after "Trần Thanh Liêm",
"Vinaisalpro" after "Công ty … (Vinaisalpro)", "Saigontourist" after "Công ty dịch vụ lữ hành
Saigontourist"). The syllables and sentences are the text layer's (:func:`vnextract.text.view.
token_view`: cut on whole syllables, so initials such as "V.P.H.N" survive).

At each syllable the scanner tries the named rules of :data:`.scan_rules.RULES`, in the order
of that list (each with an example and what it produces): well-known organisations ("WHO",
"Dân trí"); an organisation head ("Bộ", "Sở", "UBND", "Công ty" …) and its body, read by the
rules of :data:`.body_rules.BODY_RULES` over capitalised words, abbreviations, admin units
("UBND tỉnh Bình Dương") and lowercase descriptors ("Trung tâm kiểm soát bệnh tật"); a place
prefix and its name ("tỉnh Bình Dương", "quận 12"); an honorific or title cue that makes the
next capitalised run a person ("ông", "Giám đốc"); initials ("W.Buffett"); a capitalised run,
classified with the gazetteer, surnames and foreign given names, or kept for the document pass.

Lexicons live in ``vnextract/data``, read through :mod:`vnextract.lexicon`.

Offsets are into ``text.normalized``. Word boundaries inside lowercase text come from the
underthesea tokens the Text already holds ("Y tế", "Tài chính" are one word each).

Modules, each building on the one before:

- ``tables``: name shapes, the word tables, candidates (:class:`Cand`) and ``match_at``;
- ``sentence``: one sentence's syllables and the predicates every rule shares;
- ``organizations``: the organisation reader (capitalised runs, the body after a head noun);
- ``classify``: places written with a prefix, the classification of a capitalised run;
- ``body_rules``: where an organisation's name ends after its head, as named rules;
- ``scan_rules`` and ``scan``: the scan of a sentence, trying the named rules in order;
- ``document``: the passes over the whole document, and :func:`recognize`.
"""

from vnextract.recognizers.entities.document import recognize

__all__ = ["recognize"]
