"""Romanisation of Korean, Chinese, Greek and Devanagari names by published conventions.

Written for the benchmark alone, independent of the engine's tables (``screening/``), so
that the world-names set measures the engine against the world's conventions, not against
itself. Each convention is an algorithm over the native script, with its source:

Korean (Hangul syllables decomposed into jamo by the Unicode arithmetic of chapter 3.12):

- ``rr``: Revised Romanization of Korean (Ministry of Culture and Tourism, 2000). Names are
  romanised syllable by syllable, without sound changes across syllables (its rule 3.4).
- ``mr``: McCune-Reischauer (1939) as lists and the press write it: no breves (ŏ ŭ -> o u)
  and no apostrophes of aspiration; plain stops are voiced inside a given name after a vowel
  or a voiced final (k t p ch -> g d b j); ㅅ before ㅣ is ``sh``; the surname 이 is ``Yi``
  (Library of Congress practice).
- ``customary``: the surname as Koreans customarily write it in passports (Kim, Lee, Park,
  Choi...), the forms listed in Wikipedia's "List of Korean surnames"; the given name in RR.

Chinese (syllables from ``pypinyin``, tones dropped):

- ``pinyin``: Hanyu Pinyin (ISO 7098), ü written u as in the press.
- ``wade_giles``: Wade-Giles (Giles 1892) derived syllable by syllable from pinyin, without
  apostrophes and umlauts, as Taiwanese passports and the press write it (Hsi, Chang, Tsai).

Greek (accents dropped, diaeresis respected):

- ``elot743``: ELOT 743:1982 (= ISO 843 transliteration, used in Greek passports).
- ``phonetic``: the phonetic transcription of the English-language press (ISO 843 type 2
  simplified): αι e, ει/οι/υ/η i, χ h, γ before front vowels y, initial μπ/ντ b/d.
- ``classical``: the Latin transliteration of classical Greek (η e, υ y, φ ph, β b, αι ai).

Japanese (from katakana):

- ``hepburn``: Hepburn as Japanese passports write it (Ministry of Foreign Affairs): shi,
  chi, tsu, fu, ji; ん as m before b, m, p; long vowels unmarked (サトウ -> Sato).
- ``kunrei``: Kunrei-shiki (Cabinet notice of 1954, ISO 3602): si, ti, tu, hu, zi, sya;
  long vowels spelled as written (サトウ -> Satou), n' before a vowel.

Georgian:

- ``national``: the national system of 2002 (Georgian State Department of Geodesy and
  Cartography) as passports write it, without the apostrophe of ejectives (Chelidze).
- ``iso9984``: ISO 9984:1996 transliteration (ž š č' c' j x ǰ ġ; aspirates with ').

Armenian:

- ``bgn``: BGN/PCGN 1981: ye and vo at the start of a word, u for ու, kh, ts, ch, zh, gh,
  apostrophes for the aspirates (t' p' k' ch' ts').
- ``iso9985``: ISO 9985:1996 transliteration (ow for ու, ç, č, ǰ, x, ž, ġ, ə, ò, ṙ).

Devanagari (Hindi):

- ``hunterian``: the Hunterian system (the Government of India's), without diacritics, the
  inherent vowel of a word's last consonant dropped (schwa deletion: राहुल -> Rahul).
- ``popular``: the popular English spelling of Indian names: long ī/ū as ee/oo (Suneel).
"""

from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin

# --- Korean --------------------------------------------------------------------------------

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = [
    "ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅘ", "ㅙ",
    "ㅚ", "ㅛ", "ㅜ", "ㅝ", "ㅞ", "ㅟ", "ㅠ", "ㅡ", "ㅢ", "ㅣ",
]  # fmt: skip
_FINALS = [
    "", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
]  # fmt: skip

_RR_INITIAL = dict(
    zip(_INITIALS, ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
                    "ch", "k", "t", "p", "h"], strict=True)
)  # fmt: skip
_MR_INITIAL = dict(
    zip(_INITIALS, ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch",
                    "ch", "k", "t", "p", "h"], strict=True)
)  # fmt: skip
_MR_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}
_RR_VOWEL = dict(
    zip(_VOWELS, ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
                  "u", "wo", "we", "wi", "yu", "eu", "ui", "i"], strict=True)
)  # fmt: skip
_MR_VOWEL = dict(
    zip(_VOWELS, ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo",
                  "u", "wo", "we", "wi", "yu", "u", "ui", "i"], strict=True)
)  # fmt: skip
_FINAL = dict(
    zip(_FINALS, ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
                  "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"], strict=True)
)  # fmt: skip
"""Finals by their representative sound (RR and MR agree on these)."""
_VOICED_FINALS = ("n", "m", "ng", "l")

CUSTOMARY_KOREAN_SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh",
    "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song",
    "류": "Ryu", "유": "Yoo", "전": "Jeon", "홍": "Hong", "고": "Ko", "문": "Moon",
    "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "남": "Nam",
    "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha",
    "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "진": "Jin", "지": "Ji",
    "엄": "Um", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
    "현": "Hyun", "나": "Na", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo",
    "도": "Do", "소": "So", "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma",
    "길": "Gil", "연": "Yeon", "위": "Wi", "표": "Pyo", "명": "Myung", "기": "Ki",
    "반": "Ban", "라": "Ra", "왕": "Wang", "금": "Geum", "옥": "Ok", "육": "Yook",
    "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak", "국": "Kook",
    "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong", "예": "Ye", "경": "Kyung",
    "봉": "Bong", "사": "Sa", "부": "Boo", "가": "Ka", "복": "Bok", "태": "Tae",
    "목": "Mok", "형": "Hyung", "피": "Pi", "두": "Doo", "감": "Kam", "음": "Eum",
    "빈": "Bin", "동": "Dong", "온": "On", "호": "Ho", "범": "Beom", "좌": "Jwa",
    "팽": "Paeng", "승": "Seung", "간": "Gan", "상": "Sang", "갈": "Gal", "서문": "Seomun",
    "제갈": "Jegal", "선우": "Sunwoo", "남궁": "Namgung", "독고": "Dokgo", "황보": "Hwangbo",
}  # fmt: skip
"""Customary passport spellings of Korean surnames (Wikipedia, "List of Korean surnames")."""


def hangul_jamo(syllable: str) -> tuple[str, str, str]:
    """(initial, vowel, final) of one precomposed Hangul syllable (Unicode 3.12)."""
    index = ord(syllable) - _HANGUL_FIRST
    if not 0 <= index <= _HANGUL_LAST - _HANGUL_FIRST:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    return _INITIALS[index // 588], _VOWELS[index % 588 // 28], _FINALS[index % 28]


def korean_rr(word: str) -> str:
    """Revised Romanization, syllable by syllable (personal names: no cross-syllable changes)."""
    out = []
    for syllable in word:
        initial, vowel, final = hangul_jamo(syllable)
        out.append(_RR_INITIAL[initial] + _RR_VOWEL[vowel] + _FINAL[final])
    return "".join(out)


def korean_mr(word: str) -> str:
    """McCune-Reischauer without breves and apostrophes; voicing inside the word."""
    out: list[str] = []
    previous_final: str | None = None
    for syllable in word:
        initial, vowel, final = hangul_jamo(syllable)
        voiced_context = previous_final is not None and (
            previous_final == "" or previous_final in _VOICED_FINALS
        )
        if initial in _MR_VOICED and voiced_context:
            onset = _MR_VOICED[initial]
        else:
            onset = _MR_INITIAL[initial]
        if initial == "ㅅ" and vowel in ("ㅣ", "ㅟ"):
            onset = "sh"
        out.append(onset + _MR_VOWEL[vowel] + _FINAL[final])
        previous_final = _FINAL[final]
    return "".join(out)


def korean_surname(surname: str, scheme: str) -> str:
    """A surname by scheme: ``mr`` (이 -> Yi), ``rr`` or ``customary``."""
    if scheme == "customary":
        return CUSTOMARY_KOREAN_SURNAMES.get(surname) or korean_rr(surname).capitalize()
    if scheme == "mr":
        return "Yi" if surname == "이" else korean_mr(surname).capitalize()
    return korean_rr(surname).capitalize()


def korean_given(given: str, scheme: str, joiner: str = "-") -> str:
    """A given name: ``Jeong-eun`` (RR) or ``Chong-un`` (MR); ``joiner`` between syllables.

    MR voices the second syllable's onset, so it is romanised as one word and then split
    at the syllable boundary (found by romanising the first syllable alone)."""
    if scheme == "mr":
        whole = korean_mr(given)
        head = len(korean_mr(given[:1]))
        syllables = [whole[:head], whole[head:]] if len(given) > 1 else [whole]
    else:
        syllables = [korean_rr(s) for s in given]
    syllables = [s for s in syllables if s]
    if joiner == " ":
        return " ".join(s.capitalize() for s in syllables)
    return joiner.join(syllables).capitalize()


# --- Chinese -------------------------------------------------------------------------------

_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
                    "j", "q", "x", "r", "z", "c", "s", "y", "w")  # fmt: skip
_WG_INITIAL = {
    "b": "p", "p": "p", "m": "m", "f": "f", "d": "t", "t": "t", "n": "n", "l": "l",
    "g": "k", "k": "k", "h": "h", "j": "ch", "q": "ch", "x": "hs", "zh": "ch", "ch": "ch",
    "sh": "sh", "r": "j", "z": "ts", "c": "ts", "s": "s", "y": "y", "w": "w", "": "",
}  # fmt: skip
_WG_WHOLE = {
    "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
    "si": "ssu", "er": "erh", "e": "o", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
    "yong": "yung", "yue": "yueh", "yuan": "yuan", "yun": "yun", "yu": "yu",
}  # fmt: skip
_WG_FINAL = {"ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "ue": "ueh", "ve": "ueh"}
_UO_TO_O_AFTER = {"d", "t", "n", "l", "z", "c", "s", "zh", "ch", "r"}
_E_TO_O_AFTER = {"g", "k", "h"}


def pinyin_syllables(han: str) -> list[str]:
    """Toneless pinyin of each character (ü as ``v``), from pypinyin's dictionary."""
    return [s.lower() for s in lazy_pinyin(han, style=Style.NORMAL) if s.strip()]


def pinyin(syllable: str) -> str:
    return syllable.replace("v", "u").replace("ü", "u")


def wade_giles(syllable: str) -> str:
    """One pinyin syllable in Wade-Giles, without apostrophes or umlauts (``xi`` -> ``hsi``)."""
    syllable = syllable.replace("ü", "v")
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial = next((i for i in _PINYIN_INITIALS if syllable.startswith(i)), "")
    final = syllable[len(initial) :]
    if (final == "uo" and initial in _UO_TO_O_AFTER) or (final == "e" and initial in _E_TO_O_AFTER):
        final = "o"
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"
    else:
        final = _WG_FINAL.get(final, final)
    return _WG_INITIAL[initial] + final.replace("v", "u")


def chinese_name(han: str, scheme: str, joiner: str = "") -> str:
    """A name part in pinyin (``Xiaoming``) or Wade-Giles (``Hsiao-ming`` with joiner ``-``)."""
    convert = wade_giles if scheme == "wade_giles" else pinyin
    syllables = [convert(s) for s in pinyin_syllables(han)]
    if joiner == " ":
        return " ".join(s.capitalize() for s in syllables)
    return joiner.join(syllables).capitalize()


# --- Greek ---------------------------------------------------------------------------------

_GREEK_VOWELS = "αεηιουω"
_GREEK_VOICELESS = "θκξπστφχψς"
_ELOT = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}  # fmt: skip
_ELOT_PAIRS = {"ου": "ou", "γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch"}
_PHONETIC = _ELOT | {"η": "i", "υ": "i", "χ": "h"}
_PHONETIC_PAIRS = {"ου": "ou", "αι": "e", "ει": "i", "οι": "i", "υι": "i", "γγ": "ng",
                   "γκ": "g", "τζ": "tz"}  # fmt: skip
_CLASSICAL = _ELOT | {"β": "b", "η": "e", "υ": "y", "φ": "ph", "χ": "ch"}
_CLASSICAL_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "αυ": "au", "ευ": "eu",
                    "γγ": "ng", "γκ": "nk", "γξ": "nx", "γχ": "nch"}  # fmt: skip
_FRONT = ("ε", "ι", "η", "υ", "αι", "ει", "οι")


def _greek_letters(word: str) -> list[tuple[str, bool]]:
    """Lowercase base letters without accents, each flagged if it carries a diaeresis."""
    letters: list[tuple[str, bool]] = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char == "\u0308" and letters:
            letters[-1] = (letters[-1][0], True)
        elif not unicodedata.combining(char):
            letters.append((char, False))
    return letters


def greek(word: str, scheme: str) -> str:
    """One Greek word by ``elot743``, ``phonetic`` or ``classical``, capitalised like the source."""
    letters = _greek_letters(word)
    plain = "".join(letter for letter, _ in letters)
    single, pairs = {
        "elot743": (_ELOT, _ELOT_PAIRS),
        "phonetic": (_PHONETIC, _PHONETIC_PAIRS),
        "classical": (_CLASSICAL, _CLASSICAL_PAIRS),
    }[scheme]
    out: list[str] = []
    i = 0
    while i < len(plain):
        pair = plain[i : i + 2]
        after = plain[i + 2 : i + 3]
        split_by_diaeresis = i + 1 < len(letters) and letters[i + 1][1]
        if scheme != "classical" and pair in ("αυ", "ευ", "ηυ") and not split_by_diaeresis:
            head = {"αυ": "a", "ευ": "e", "ηυ": "i"}[pair]
            voiceless = not after or after in _GREEK_VOICELESS
            out.append(head + ("f" if voiceless else "v"))
            i += 2
            continue
        if pair in ("μπ", "ντ") and scheme != "classical":
            at_edge = i == 0 or (scheme == "elot743" and i + 2 == len(plain))
            if at_edge:
                out.append("b" if pair == "μπ" else ("d" if scheme == "phonetic" else "nt"))
            else:
                out.append("mp" if pair == "μπ" else "nt")
            i += 2
            continue
        if pair in pairs and not split_by_diaeresis:
            out.append(pairs[pair])
            i += 2
            continue
        letter = plain[i]
        if scheme == "phonetic" and letter == "γ" and plain[i + 1 : i + 3].startswith(_FRONT):
            out.append("y")
            if plain[i + 1 : i + 2] == "ι" and plain[i + 2 : i + 3] in _GREEK_VOWELS:
                i += 1  # για -> ya: the ι only marks the palatal
        else:
            out.append(single.get(letter, letter))
        i += 1
    latin = "".join(out)
    return latin.upper() if word.isupper() and len(word) > 1 else latin.capitalize()


# --- Japanese ------------------------------------------------------------------------------

_KANA_ROWS = {
    "": "アイウエオ", "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ", "z": "ザジズゼゾ",
    "t": "タチツテト", "d": "ダヂヅデド", "n": "ナニヌネノ", "h": "ハヒフヘホ", "b": "バビブベボ",
    "p": "パピプペポ", "m": "マミムメモ", "r": "ラリルレロ",
}  # fmt: skip
_KUNREI = {
    kana: consonant + vowel
    for consonant, row in _KANA_ROWS.items()
    for kana, vowel in zip(row, "aiueo", strict=True)
} | {"ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ワ": "wa", "ヲ": "o", "ヂ": "zi", "ヅ": "zu"}
_HEPBURN = _KUNREI | {"シ": "shi", "チ": "chi", "ツ": "tsu", "フ": "fu", "ジ": "ji", "ヂ": "ji"}
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_HEPBURN_Y = ("sh", "ch", "j")
"""Hepburn writes シャ sha, チャ cha, ジャ ja (no y); Kunrei sya, tya, zya."""


def japanese(kana: str, scheme: str) -> str:
    """A name in katakana by ``hepburn`` or ``kunrei``, capitalised."""
    table = _HEPBURN if scheme == "hepburn" else _KUNREI
    syllables: list[str] = []
    double_next = False
    for char in kana:
        if char == "ッ":
            double_next = True
            continue
        if char == "ー":
            continue  # a long vowel mark: unmarked in both, as in passports
        if char in _SMALL_Y and syllables:
            stem = syllables[-1][:-1]  # キ ki -> k, シ shi -> sh
            if scheme == "hepburn" and stem.endswith(_HEPBURN_Y):
                syllables[-1] = stem + _SMALL_Y[char]
            else:
                syllables[-1] = stem + "y" + _SMALL_Y[char]
            continue
        if char == "ン":
            syllables.append("n")
            continue
        latin = table.get(char, char)
        if double_next:
            latin = ("t" if latin.startswith("ch") else latin[0]) + latin
            double_next = False
        syllables.append(latin)
    if scheme == "kunrei":  # ン before a vowel or y is n': Zyun'iti
        syllables = [
            "n'" if s == "n" and i + 1 < len(syllables) and syllables[i + 1][:1] in "aiueoy" else s
            for i, s in enumerate(syllables)
        ]
    if scheme == "hepburn":
        syllables = [
            "m" if s == "n" and i + 1 < len(syllables) and syllables[i + 1][:1] in "bmp" else s
            for i, s in enumerate(syllables)
        ]
    text = "".join(syllables)
    if scheme == "hepburn":
        for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
            text = text.replace(long, short)
    return text.capitalize()


# --- Georgian and Armenian ---------------------------------------------------------------

_GEORGIAN = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"
_GEORGIAN_NATIONAL = ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
                      "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts",
                      "ch", "kh", "j", "h"]  # fmt: skip
_GEORGIAN_ISO = ["a", "b", "g", "d", "e", "v", "z", "t'", "i", "k", "l", "m", "n", "o", "p",
                 "ž", "r", "s", "t", "u", "p'", "k'", "ġ", "q", "š", "č'", "c'", "j", "c", "č",
                 "x", "ǰ", "h"]  # fmt: skip
_GEORGIAN_TABLES = {
    "national": dict(zip(_GEORGIAN, _GEORGIAN_NATIONAL, strict=True)),
    "iso9984": dict(zip(_GEORGIAN, _GEORGIAN_ISO, strict=True)),
}


def georgian(word: str, scheme: str) -> str:
    """One Georgian word (Mkhedruli has no case) by ``national`` or ``iso9984``, capitalised."""
    table = _GEORGIAN_TABLES[scheme]
    return "".join(table.get(char, char) for char in word).capitalize()


_ARMENIAN = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"
_ARMENIAN_BGN = ["a", "b", "g", "d", "e", "z", "e", "y", "t'", "zh", "i", "l", "kh", "ts", "k",
                 "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch'", "p", "j", "rr", "s", "v",
                 "t", "r", "ts'", "w", "p'", "k'", "o", "f"]  # fmt: skip
_ARMENIAN_ISO = ["a", "b", "g", "d", "e", "z", "ē", "ə", "t'", "ž", "i", "l", "x", "ç", "k",
                 "h", "j", "ġ", "č̣", "m", "y", "n", "š", "o", "č", "p", "ǰ", "ṙ", "s", "v",
                 "t", "r", "c'", "w", "p'", "k'", "ò", "f"]  # fmt: skip
_ARMENIAN_TABLES = {
    "bgn": dict(zip(_ARMENIAN, _ARMENIAN_BGN, strict=True)),
    "iso9985": dict(zip(_ARMENIAN, _ARMENIAN_ISO, strict=True)),
}
_ARMENIAN_VOWELS = "աեէըիոօ"


def armenian(word: str, scheme: str) -> str:
    """One Armenian word by ``bgn`` or ``iso9985``, capitalised."""
    table = _ARMENIAN_TABLES[scheme]
    lower = word.lower()
    out: list[str] = []
    i = 0
    while i < len(lower):
        char = lower[i]
        initial = i == 0 or lower[i - 1] in _ARMENIAN_VOWELS
        if char == "ո" and lower[i + 1 : i + 2] == "ւ":
            out.append("u" if scheme == "bgn" else "ow")
            i += 2
            continue
        if char == "և":
            out.append("yev" if scheme == "bgn" else "ew")
        elif scheme == "bgn" and char == "ե" and initial:
            out.append("ye")
        elif scheme == "bgn" and char == "ո" and i == 0:
            out.append("vo")
        else:
            out.append(table.get(char, char))
        i += 1
    return "".join(out).capitalize()


# --- Devanagari ----------------------------------------------------------------------------

_DEVA_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j",
    "झ": "jh", "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t",
    "थ": "th", "द": "d", "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh",
    "म": "m", "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v", "श": "sh", "ष": "sh",
    "स": "s", "ह": "h",
}  # fmt: skip
_DEVA_NUKTA = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "फ": "f", "ड": "r", "ढ": "rh"}
_DEVA_VOWELS = {
    "अ": "a", "आ": "aa", "इ": "i", "ई": "ii", "उ": "u", "ऊ": "uu", "ऋ": "ri", "ए": "e",
    "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}  # fmt: skip
_DEVA_SIGNS = {
    "ा": "aa", "ि": "i", "ी": "ii", "ु": "u", "ू": "uu", "ृ": "ri", "े": "e", "ै": "ai",
    "ो": "o", "ौ": "au", "ॉ": "o", "ॅ": "e",
}  # fmt: skip
_VIRAMA, _NUKTA, _ANUSVARA, _CANDRABINDU, _VISARGA = "्", "़", "ं", "ँ", "ः"
_LONG = {"hunterian": {"aa": "a", "ii": "i", "uu": "u"}, "popular": {"aa": "a", "ii": "ee",
                                                                     "uu": "oo"}}  # fmt: skip


def devanagari(word: str, scheme: str) -> str:
    """One Hindi word by ``hunterian`` or ``popular``, its final inherent vowel dropped."""
    long_vowels = _LONG[scheme]
    units: list[str] = []  # Latin pieces; "@" stands for an inherent vowel not yet decided
    i = 0
    while i < len(word):
        char = word[i]
        following = word[i + 1] if i + 1 < len(word) else ""
        if char in _DEVA_CONSONANTS:
            latin = _DEVA_CONSONANTS[char]
            if following == _NUKTA:
                latin = _DEVA_NUKTA.get(char, latin)
                i += 1
                following = word[i + 1] if i + 1 < len(word) else ""
            after_consonant = bool(units) and units[-1][:1] not in ("@", "a", "e", "i", "o", "u")
            if scheme == "popular" and char == "व" and after_consonant:
                latin = "w"  # after a consonant: dvi -> dwi, svami -> swami
            units.append(latin)
            if following == _VIRAMA:
                i += 1
            elif following in _DEVA_SIGNS:
                units.append(long_vowels.get(_DEVA_SIGNS[following], _DEVA_SIGNS[following]))
                i += 1
            else:
                units.append("@")
        elif char in _DEVA_VOWELS:
            units.append(long_vowels.get(_DEVA_VOWELS[char], _DEVA_VOWELS[char]))
        elif char in (_ANUSVARA, _CANDRABINDU):
            nxt = word[i + 1] if i + 1 < len(word) else ""
            if char == _ANUSVARA and nxt and nxt in "पफबभम":
                units.append("m")
            else:  # a velar nasal before h, as Hindi says it: सिंह -> Singh
                units.append("ng" if char == _ANUSVARA and nxt == "ह" else "n")
        elif char == _VISARGA:
            units.append("h")
        i += 1
    vowels = sum(1 for u in units if u == "@" or (u and u[0] in "aeiou"))
    if units and units[-1] == "@" and vowels > 1:
        units.pop()
    if scheme == "popular" and units and units[-1] == "ee":
        units[-1] = "i"  # a final long i stays i in the popular spelling: Trivedi, Swami
    return "".join("a" if u == "@" else u for u in units).capitalize()
