"""Recogniser: persons, organisations and locations (PER / ORG / LOC).

Rules and lexicons, no statistical model (no openly licensed Vietnamese NER data exists to
train one we could ship): one left-to-right pass over the syllables of each sentence, then one
pass over the whole document for names seen earlier ("ông Liêm" after "Trần Thanh Liêm",
"Vinaisalpro" after "Công ty … (Vinaisalpro)", "Saigontourist" after "Công ty dịch vụ lữ hành
Saigontourist"). The syllables and sentences are the text layer's (:func:`vnextract.text.view.
token_view`: cut on whole syllables, so initials such as "V.P.H.N" survive).

At each syllable the scanner tries, in this order:

1. a well-known bare organisation ("WHO", "Vinamilk", "Dân trí");
2. an organisation head noun ("Bộ", "Sở", "UBND", "Công ty" …) and its body, extended over
   capitalised words, abbreviations, admin units ("UBND tỉnh Bình Dương") and lowercase
   descriptors ("Trung tâm kiểm soát bệnh tật") until a verb or function word;
3. a place prefix ("tỉnh", "huyện", "xã", "đường" …; "TP", "Thị xã" when capitalised) and the
   place name after it; numbered units ("quận 12", "P.10");
4. an honorific ("ông", "bà" …) or a title/role cue ("Giám đốc", "Thiếu tá", "bị cáo") that
   makes the next capitalised run a person;
5. initials ("W.Buffett", "H.T.P");
6. a capitalised run, classified with the gazetteer (provinces, countries), surnames
   ("Nguyễn Văn A"), foreign given names ("Bill Gates") and district names; what is left is
   kept for the document pass.

Lexicons live in ``vnextract/data``, read through :mod:`vnextract.lexicon`.

Offsets are into ``text.normalized``. Word boundaries inside lowercase text come from the
underthesea tokens the Text already holds ("Y tế", "Tài chính" are one word each).

Modules, each building on the one before:

- ``tables``: name shapes, the word tables, candidates (:class:`Cand`) and ``match_at``;
- ``sentence``: one sentence's syllables and the predicates every rule shares;
- ``organizations``: the organisation reader (capitalised runs, the body after a head noun);
- ``classify``: places written with a prefix, the classification of a capitalised run;
- ``scan``: the scan of a sentence, trying the named rules in order;
- ``document``: the passes over the whole document, and :func:`recognize`.
"""

from vnextract.recognizers.entities.document import recognize

__all__ = ["recognize"]
