"""TCVN3 and VNI text is recognised and converted back to Unicode."""

from __future__ import annotations

import unicodedata

import pytest
from corpus_factory import SEEDS, seed_article

from extractors.text.legacy_fonts import (
    convert_legacy,
    detect_legacy,
    from_unicode,
    is_syllable,
    to_unicode,
)

# The national motto as it appears in old documents read without their font;
# written out by hand from the published code charts, not from our tables.
MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc"
MOTTO_TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc"
MOTTO_VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc"
MOTTO_VNI_CAPS = "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"

TONES = "\u0300\u0301\u0303\u0309\u0323"
VOWELS = "aăâeêioôơuưy"


def vietnamese_letters() -> set[str]:
    """Every letter of the Vietnamese alphabet beyond ASCII, both cases."""
    letters = {"đ"} | {v for v in VOWELS if not v.isascii()}
    letters |= {unicodedata.normalize("NFC", v + tone) for v in VOWELS for tone in TONES}
    return letters | {ch.upper() for ch in letters}


def lower_toned_capitals(text: str) -> str:
    """What TCVN3 (VN3) can hold: capitals with a tone mark were drawn in lowercase codes."""
    return "".join(
        ch.lower() if ch.isupper() and set(unicodedata.normalize("NFD", ch)) & set(TONES) else ch
        for ch in text
    )


def test_published_samples_convert():
    assert to_unicode(MOTTO_TCVN3, "tcvn3") == MOTTO
    assert to_unicode(MOTTO_VNI, "vni") == MOTTO
    assert to_unicode(MOTTO_VNI_CAPS, "vni") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_inverse_tables_produce_the_published_samples():
    assert from_unicode(MOTTO, "tcvn3") == MOTTO_TCVN3
    assert from_unicode(MOTTO, "vni") == MOTTO_VNI


@pytest.mark.parametrize(
    ("encoding", "unchanged"),
    [("tcvn3", {"ý"}), ("vni", {"ì", "í", "Ì", "Í"})],  # code points shared with Latin-1
)
def test_every_vietnamese_letter_has_a_code_and_codes_are_distinct(encoding, unchanged):
    letters = sorted(vietnamese_letters())
    encoded = {letter: from_unicode(letter, encoding) for letter in letters}
    assert {letter for letter in letters if encoded[letter] == letter} == unchanged
    if encoding == "vni":
        assert len(set(encoded.values())) == len(letters)
    else:  # 67 lowercase + 7 capitals without a tone
        assert len(set(encoded.values())) == 74


@pytest.mark.parametrize("seed", sorted(p.name[:3] for p in SEEDS.glob("*.txt")))
def test_round_trip_on_seed_articles(seed):
    text = seed_article(seed).text
    assert to_unicode(from_unicode(text, "vni"), "vni") == text
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == lower_toned_capitals(text)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detects_and_converts_a_whole_article(encoding):
    text = seed_article().text
    legacy = from_unicode(text, encoding)
    assert detect_legacy(legacy) == encoding
    converted, found = convert_legacy(legacy)
    assert found == encoding
    expected = lower_toned_capitals(text) if encoding == "tcvn3" else text
    assert converted == expected


@pytest.mark.parametrize(
    "text",
    [
        seed_article().text,
        "Le ministère de l'Intérieur a publié un rapport détaillé sur la sécurité à Paris.",
        "Die Straße führt über die Brücke nach Köln, wo die Behörde tätig ist.",
        "Kon Tum 2023: 1.160 dot, 145.410 luot nguoi tham gia.",
    ],
)
def test_unicode_and_other_languages_are_left_alone(text):
    assert detect_legacy(text) is None
    assert convert_legacy(text) == (text, None)


def test_mixed_document_converts_only_the_legacy_paragraphs():
    header = "CÔNG AN TỈNH KON TUM\nSố: 125/BC-CAT"
    body = seed_article().paragraphs[6]
    heading = "KÕt qu¶"  # too short to decide alone: follows the document
    legacy = f"{header}\n{heading}\n{from_unicode(body, 'tcvn3')}"
    converted, found = convert_legacy(legacy)
    assert found == "tcvn3"
    assert converted == f"{header}\nKết quả\n{lower_toned_capitals(body)}"


def test_tie_between_tables_follows_the_document():
    # "Taùc giaû" reads as syllables in both tables; the VNI document decides.
    article = seed_article().text + "\nTác giả: Thái Ngân"
    converted, found = convert_legacy(from_unicode(article, "vni"))
    assert found == "vni"
    assert converted.endswith("Tác giả: Thái Ngân")


@pytest.mark.parametrize("word", ["người", "quyết", "hòa", "hoà", "giữ", "nghiêng", "khuỷu", "Ủy"])
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["ngưiờ", "hóà", "ministère", "taực", "ßa", "Plông"])
def test_invalid_syllables(word):
    assert not is_syllable(word)
