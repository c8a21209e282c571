"""The learned entity layer: a syllable CRF stacked on the rule recognisers.

The rules find what has a cue (a title, a head noun, a place prefix, a known list); the CRF,
trained on the project's own annotated corpus (``corpus/``), reads each syllable's form, shape,
lexicon memberships, its word position and the rules' own labels in a window, and proposes
PER/ORG/LOC spans. How its spans are combined with the rules' is a named strategy chosen by
cross-validation (:mod:`vnextract.learned.combine`).

- :mod:`.view`      syllables of each sentence, with offsets (the CRF's tokens);
- :mod:`.features`  one list of feature strings per syllable;
- :mod:`.model`     the packaged model, loaded once, and the linker step of the pipeline;
- :mod:`.corpus`    the annotated corpus joined with its texts (training and evaluation only);
- :mod:`.train`     ``python -m vnextract.learned.train``: cross-validation and the final model;
- :mod:`.spans`     a classifier for the capitalised runs neither the rules nor the CRF took (measured,
                    not in the pipeline: docs/accuracy.md);
- :mod:`.spans_train` ``python -m vnextract.learned.spans_train``: its out-of-fold examples, CV, model.
"""
