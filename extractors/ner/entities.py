"""Named entities (LOC / ORG / PER) from underthesea's bundled CRF NER, with offsets.

``ner_tagger`` returns, for one sentence, underthesea's ``ner()`` tuples
(word, POS, chunk, NER tag). The default is ``extractors.ner.fast_ner`` which
gives identical tags faster; underthesea itself is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from extractors.records import Entity, Sentence
from extractors.text.tokens import Token, align

Tagger = Callable[[str], list[tuple[str, str, str, str]]]
LABELS = ("LOC", "ORG", "PER")
# underthesea tags "năm 2024" as a location: a LOC made of time words is dropped.
TIME_WORDS = re.compile(r"^(?:năm|tháng|ngày|quý|tuần|giai đoạn)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    try:
        from extractors.ner.fast_ner import ner_tokens

        return ner_tokens
    except ImportError:  # pragma: no cover - fast path missing
        from underthesea import ner

        return ner


def tag_sentence(
    doc_id: str, sentence: Sentence, tagger: Tagger | None = None
) -> tuple[list[Token], list[Entity]]:
    """underthesea's words of one sentence (as spans) and the entities among them.

    The words are returned so that the figure extractor can reuse them
    instead of tokenising the sentence a second time.
    """
    tagged = (tagger or default_tagger())(sentence.text)
    tokens = align(sentence.text, [word for word, *_ in tagged], sentence.start)
    if len(tokens) != len(tagged):
        return tokens, []
    spans: list[list] = []
    for token, (_, _, _, tag) in zip(tokens, tagged, strict=True):
        if tag == "O" or "-" not in tag:
            continue
        prefix, label = tag.split("-", 1)
        if label not in LABELS:
            continue
        if prefix == "I" and spans and spans[-1][2] == label and spans[-1][1] <= token.start:
            spans[-1][1] = token.end
        else:
            spans.append([token.start, token.end, label])
    entities = []
    for start, end, label in spans:
        surface = sentence.text[start - sentence.start : end - sentence.start]
        if label == "LOC" and TIME_WORDS.match(surface):
            continue
        entities.append(Entity(doc_id, start, end, label, surface))
    return tokens, entities


def entities_in_sentence(
    doc_id: str, sentence: Sentence, tagger: Tagger | None = None
) -> list[Entity]:
    return tag_sentence(doc_id, sentence, tagger)[1]


def tag_sentences(
    doc_id: str, sentences: Sequence[Sentence], tagger: Tagger | None = None
) -> tuple[list[Entity], dict[int, list[Token]]]:
    """Entities of all sentences, and each sentence's words keyed by its start."""
    entities: list[Entity] = []
    words: dict[int, list[Token]] = {}
    for sentence in sentences:
        tokens, found = tag_sentence(doc_id, sentence, tagger)
        words[sentence.start] = tokens
        entities.extend(found)
    return entities, words


def extract_entities(
    doc_id: str, sentences: Sequence[Sentence], tagger: Tagger | None = None
) -> list[Entity]:
    out: list[Entity] = []
    for sentence in sentences:
        out.extend(entities_in_sentence(doc_id, sentence, tagger))
    return out
