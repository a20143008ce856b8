"""Hangul read by the Revised Romanization, and McCune-Reischauer met by the correspondences.

The reading follows the published tables (``data/hangul_jamo.tsv``); the correspondences
of ``east_asian`` must join every syllable's two romanisations and keep apart syllables
that differ.
"""

from __future__ import annotations

import pytest

from screening.east_asian import east_asian_rules
from screening.hangul import hangul_to_latin, jamo_indices, syllable_mr, syllable_rr
from screening.translit import ascii_fold

ALL_SYLLABLES = [chr(code) for code in range(0xAC00, 0xD7A4)]


@pytest.mark.parametrize(
    ("hangul", "rr"),
    [
        ("숙", "suk"),  # a final ㄱ before a pause is k, not g
        ("철", "cheol"),  # ㅊ is ch, ㅓ is eo, a final ㄹ is l
        ("김정은", "gimjeongeun"),
        ("한복남", "hanboknam"),  # the notice's own example: no assimilation in names
        ("홍빛나", "hongbitna"),  # a final ㅊ is t
        ("최은서", "choeeunseo"),
        ("박", "bak"),
        ("닭", "dak"),  # a double final: as it sounds, k
        ("여덟", "yeodeol"),
        ("쌍", "ssang"),
        ("이 영희", "i yeonghui"),  # what is not a syllable stays as it is
    ],
)
def test_hangul_reads_by_the_revised_romanization(hangul: str, rr: str) -> None:
    assert hangul_to_latin(hangul) == rr
    assert ascii_fold(hangul.replace(" ", "")) == rr.replace(" ", "")


def test_a_syllable_is_its_initial_vowel_and_final_by_unicode_arithmetic() -> None:
    assert jamo_indices("가") == (0, 0, 0)
    assert jamo_indices("힣") == (18, 20, 27)
    assert syllable_rr("힣") == "hit"
    with pytest.raises(ValueError, match="not a precomposed Hangul syllable"):
        jamo_indices("a")


@pytest.mark.parametrize(
    ("hangul", "mr"),
    [("철", "ch'ŏl"), ("시", "shi"), ("김", "kim"), ("은", "ŭn"), ("쯔", "tchŭ")],
)
def test_mccune_reischauer_spells_each_syllable_by_its_table(hangul: str, mr: str) -> None:
    assert syllable_mr(hangul) == mr


def test_every_syllable_meets_its_mccune_reischauer_spelling() -> None:
    apart = [
        (syllable, syllable_rr(syllable), syllable_mr(syllable))
        for syllable in ALL_SYLLABLES
        if ascii_fold(syllable_rr(syllable)) != ascii_fold(syllable_mr(syllable))
        and east_asian_rules(syllable_rr(syllable), syllable_mr(syllable)) is None
    ]
    assert apart == []


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [("철", "Chol"), ("철", "Chŏl"), ("철", "Ch'ol"), ("숙", "Suk"), ("식", "Shik"), ("은", "Un")],
)
def test_a_syllable_in_hangul_meets_its_latin_spellings(hangul: str, latin: str) -> None:
    assert ascii_fold(hangul) == ascii_fold(latin) or east_asian_rules(hangul, latin) is not None


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [("철", "Chil"), ("숙", "Sok"), ("영", "Yung"), ("송", "Sung"), ("진", "Jun")],
)
def test_a_syllable_in_hangul_does_not_meet_another_syllable(hangul: str, latin: str) -> None:
    assert east_asian_rules(hangul, latin) is None
