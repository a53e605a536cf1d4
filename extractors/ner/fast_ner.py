"""Fast drop-in for ``underthesea.ner``: the same models and tags, several times quicker.

``underthesea.ner`` runs word segmentation, POS tagging, chunking and NER as four CRF
passes. The other three compute their features in Python and spend nearly all their
time there. This module keeps underthesea's bundled model files and templates (read
from underthesea's own predictor classes, so nothing is copied), segments words with
:mod:`extractors.text.segment` (underthesea's segmentation model, its features
computed column-wise), and computes the POS, chunk and NER features column-wise
instead of token by token; see :mod:`extractors.ner.features` for why
the result is identical token for token.

Offline (bundled model files only), loaded once per process on first use, and safe to
call from several threads: the loaded models are only read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.ner.features import StageTagger, load_once
from extractors.text.segment import word_tokenize

NerToken = tuple[str, str, str, str]

# Placeholder underthesea puts in the column a stage is predicting.
_UNKNOWN = "X"


@dataclass(frozen=True)
class _Models:
    pos: StageTagger
    chunk: StageTagger
    ner: StageTagger


def _load_models() -> _Models:
    from underthesea.pipeline.chunking import model_crf as chunk_crf
    from underthesea.pipeline.chunking import tagged_feature as chunk_features
    from underthesea.pipeline.ner import model_crf as ner_crf
    from underthesea.pipeline.ner import tagged_feature as ner_features
    from underthesea.pipeline.pos_tag import model_crf as pos_crf
    from underthesea.pipeline.pos_tag import tagged_feature as pos_features

    stages = (
        (pos_crf.CRFPOSTagPredictor.Instance(), pos_features),
        (chunk_crf.CRFChunkingPredictor.Instance(), chunk_features),
        (ner_crf.CRFNERPredictor.Instance(), ner_features),
    )
    pos, chunk, ner = (
        StageTagger.for_module(p.transformer.template, p.model, module) for p, module in stages
    )
    return _Models(pos=pos, chunk=chunk, ner=ner)


_load = load_once(_load_models)


def tag_tokens(tokens: Sequence[str]) -> list[NerToken]:
    """(word, POS, chunk, NER) for one already word-segmented sentence.

    ``tokens`` must come from ``underthesea.word_tokenize`` (as :func:`tokenize_and_tag`
    returns them) for the result to equal ``underthesea.ner``.
    """
    models = _load()
    words = list(tokens)
    pos = models.pos.tag([(w, _UNKNOWN) for w in words])
    chunk = models.chunk.tag([(w, p, _UNKNOWN) for w, p in zip(words, pos, strict=True)])
    ner = models.ner.tag([(w, p, c, _UNKNOWN) for w, p, c in zip(words, pos, chunk, strict=True)])
    return list(zip(words, pos, chunk, ner, strict=True))


def pos_tags(words: Sequence[str]) -> list[str]:
    """underthesea's POS tag of each already segmented word (its default model)."""
    return _load().pos.tag([(w, _UNKNOWN) for w in words])


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """Exactly what ``underthesea.pos_tag(sentence)`` returns (its default model)."""
    words = word_tokenize(sentence)
    return list(zip(words, _load().pos.tag([(w, _UNKNOWN) for w in words]), strict=True))


def tokenize_and_tag(sentence: str) -> tuple[list[str], list[NerToken]]:
    """Word tokens of ``sentence`` and their NER tuples, so callers tokenise only once."""
    tokens = word_tokenize(sentence)
    return tokens, tag_tokens(tokens)


def ner_tokens(sentence: str) -> list[NerToken]:
    """Exactly what ``underthesea.ner(sentence)`` returns."""
    return tag_tokens(word_tokenize(sentence))


def ner_many(sentences: Sequence[str]) -> list[list[NerToken]]:
    """``underthesea.ner`` of each sentence."""
    return [tag_tokens(word_tokenize(s)) for s in sentences]
