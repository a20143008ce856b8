"""screening.text: Unicode clean-up before anything else looks at a name."""

from __future__ import annotations

import pytest

from screening.text import clean, fold_homoglyphs, has_cyrillic, script_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bud\u200bnev", "Budnev"),  # zero-width space
        ("Bud\u200cnev", "Budnev"),  # zero-width non-joiner
        ("Bud\u200dnev", "Budnev"),  # zero-width joiner
        ("Bud\u2060nev", "Budnev"),  # word joiner
        ("\ufeffBudnev", "Budnev"),  # byte-order mark
        ("Bud\u00adnev", "Budnev"),  # soft hyphen
        ("\u200e\u200fBudnev", "Budnev"),  # LRM / RLM
        ("\u202aBud\u202enev\u202c", "Budnev"),  # bidi embeddings and overrides
        ("\u2066Budnev\u2069", "Budnev"),  # bidi isolates
        ("Budnev\u034f", "Budnev"),  # combining grapheme joiner used as a filler
    ],
)
def test_invisible_characters_are_removed(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ivan\tPetrov", "Ivan Petrov"),
        ("Ivan\nPetrov", "Ivan Petrov"),
        ("Ivan\r\nPetrov", "Ivan Petrov"),
        ("Ivan\x00Petrov", "Ivan Petrov"),
        ("Ivan\x07Petrov", "Ivan Petrov"),
        ("Ivan\x1bPetrov", "Ivan Petrov"),
        ("Ivan\x7fPetrov", "Ivan Petrov"),
        ("Ivan\x85Petrov", "Ivan Petrov"),
        ("Ivan\u00a0Petrov", "Ivan Petrov"),
        ("Ivan\u2028Petrov", "Ivan Petrov"),
        ("Ivan\u2029Petrov", "Ivan Petrov"),
        ("   Ivan    Petrov   ", "Ivan Petrov"),
    ],
)
def test_controls_and_odd_spaces_become_single_spaces(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＢＵＤＮＥＶ", "BUDNEV"),  # full-width Latin
        ("Ｉｖａｎ\u3000Ｐｅｔｒｏｖ", "Ivan Petrov"),  # full-width letters and ideographic space
        ("ﬁlip", "filip"),  # ligature
        ("e\u0301", "\u00e9"),  # composed
        ("Ａｌｅｋｓｅｙ　Ｂｕｄｎｅｖ", "Aleksey Budnev"),
    ],
)
def test_nfkc(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Vladimir Рutin", "Vladimir Putin"),  # Cyrillic Р inside a Latin word
        ("Вudnеv", "Budnev"),  # Cyrillic В and е
        ("Аleksey", "Aleksey"),
        ("Sеrgеy", "Sergey"),
        ("Ρutin", "Putin"),  # Greek capital rho
        ("Пyтин", "Путин"),  # mostly Cyrillic word with a Latin y stays Cyrillic
        ("Путин", "Путин"),  # wholly Cyrillic: untouched
        ("РУТИН", "РУТИН"),  # wholly Cyrillic, all look-alikes: untouched
        ("Вudnev Путин", "Budnev Путин"),  # folding is per word
    ],
)
def test_mixed_script_homoglyphs_are_folded(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Рutin", "Putin"),
        ("Путин", "Путин"),
        ("Putin", "Putin"),
        ("Пyтин", "Путин"),
        ("Hаташа", "Наташа"),
    ],
)
def test_fold_homoglyphs(word: str, expected: str) -> None:
    assert fold_homoglyphs(word) == expected


def test_folded_mixed_word_is_single_script() -> None:
    folded = clean("Vladimir Рutin")
    assert not has_cyrillic(folded)
    assert all(script_of(ch) == "latin" for ch in folded.replace(" ", ""))


@pytest.mark.parametrize(
    ("char", "script"),
    [("a", "latin"), ("Z", "latin"), ("é", "latin"), ("я", "cyrillic"), ("Ё", "cyrillic"),
     ("ї", "cyrillic"), ("ў", "cyrillic"), ("α", "greek"), ("Ω", "greek"), ("1", "other"),
     (" ", "other"), ("中", "other"), ("ع", "other")],
)  # fmt: skip
def test_script_of(char: str, script: str) -> None:
    assert script_of(char) == script


@pytest.mark.parametrize(
    "raw",
    [
        "Vladimir Рutin",
        "Bud\u200bnev\u00ad",
        "ＢＵＤＮＥＶ, Ａｌｅｋｓｅｙ",
        "ООО «Технология»",
        "a\x00\x01b\u2028c",
        "Пyтин Рutin",
        "\u1160\u3164",
        "",
        "e\u0301\u0327",
        "ﬀ ﬁ ﬂ ﬃ",
        "Ǆ ǅ ǆ ÅΩ",
    ],
)
def test_clean_is_idempotent(raw: str) -> None:
    once = clean(raw)
    assert clean(once) == once


@pytest.mark.parametrize("raw", ["", " ", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\x00\t\n"])
def test_nothing_left(raw: str) -> None:
    assert clean(raw) == ""


@pytest.mark.parametrize(("raw", "expected"), [("Pороv", "Popov"), ("Oleg Pороv", "Oleg Popov")])
def test_mostly_cyrillic_lookalikes_in_a_latin_word_fold_to_latin(raw: str, expected: str) -> None:
    assert clean(raw) == expected
