"""Hebrew names: written in Hebrew script and in two Latin conventions, from a source notation.

Hebrew script leaves most vowels unwritten (Faker's ``he_IL`` names have none), so, as for
Arabic (``world_arabic``), the names are written once in a notation that names each letter
and vowel, and every spelling is derived from it by rule. The names are common Israeli given
names and family names.

Source notation, one symbol per letter: ``2`` alef, ``b`` bet, ``v`` bet without dagesh,
``g d h z y l m n s r`` as in Latin, ``w`` vav as a consonant, ``H`` het, ``T`` tet,
``k`` kaf, ``x`` kaf without dagesh, ``3`` ayin, ``p`` pe, ``f`` pe without dagesh, ``c``
tsadi, ``q`` qof, ``š`` shin, ``S`` sin, ``t`` tav; vowels ``a e i o u``.

- ``script``: modern plene spelling (ktiv male): o and u as ו, i as י, a and e unwritten
  except a word-final vowel as ה, a consonantal yod between vowels doubled, final letter
  forms ך ם ן ף ץ.
- ``academy``: the simplified romanisation of the Academy of the Hebrew Language (2006), as
  Israeli road signs and passports use it: ח h, כ kh, צ ts, ק k, ו v, alef and ayin unwritten.
- ``english``: the common English-language spelling: ח and כ ch, צ tz, a final a as ``ah``
  (Yitzchak, Chayim, Sarah), a final ay as ``ai`` (Mordechai).
"""

from __future__ import annotations

HEBREW_MALE = (
    "2avraham yicHaq ya3aqov moše dawid šlomo yosef dani2el binyamin 2eliyahu šmu2el yonatan "
    "2avi 2ehud 2amir 3omri yo2av no3am 2itay ro3i 2uri 2eyal gil3ad ron 2alon natan me2ir "
    "Hayim 2ilan yehuda 2ari2el 2elxanan menaHem mordexay cvi 2ašer re2uven šim3on 3idan "
    "yigal 2amos 2efrayim gavri2el"
)
HEBREW_FEMALE = (
    "Sara rivqa raHel le2a miryam Hana 2ester tamar ya3el no3a mixal 2ayelet šira maya talya "
    "3inbal 2orit li2at dvora yafa cipora šošana 2ilana yehudit"
)
HEBREW_FAMILY = (
    "kohen lewi mizraHi perec biton fridman šapira kac 2azulay malka 2amar 2oHana segal "
    "2elbaz yosef dahan rozen baraq 3ezra šalom klayn 2aškenazi nisim gabay Hadad 2ošri "
    "xaspi šaron zilberman goldberg vays 2orbax vaqnin 3amsalem sason ben-dawid ben-3ami "
    "2avraham yicHaqi"
)

_LETTERS = {
    "2": "א", "b": "ב", "v": "ב", "g": "ג", "d": "ד", "h": "ה", "w": "ו", "z": "ז",
    "H": "ח", "T": "ט", "y": "י", "k": "כ", "x": "כ", "l": "ל", "m": "מ", "n": "נ",
    "s": "ס", "3": "ע", "p": "פ", "f": "פ", "c": "צ", "q": "ק", "r": "ר", "š": "ש",
    "S": "ש", "t": "ת",
}  # fmt: skip
_FINAL_FORMS = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}
_VOWELS = set("aeiou")

_LATIN = {
    "academy": {"H": "h", "x": "kh", "c": "ts", "q": "k", "w": "v", "š": "sh", "S": "s",
                "T": "t"},
    "english": {"H": "ch", "x": "ch", "c": "tz", "q": "k", "w": "v", "š": "sh", "S": "s",
                "T": "t"},
}  # fmt: skip
CONVENTIONS = tuple(_LATIN)


def script(name: str) -> str:
    """The name in Hebrew letters (plene spelling); ``ben-david`` stays one word with a hyphen
    (maqaf) as Hebrew writes it."""
    return " ".join(
        "־".join(_script_word(part) for part in word.split("-")) for word in name.split()
    )


def _script_word(word: str) -> str:
    out: list[str] = []
    for i, char in enumerate(word):
        previous = word[i - 1] if i else ""
        following = word[i + 1] if i + 1 < len(word) else ""
        if char in ("o", "u"):
            out.append("ו")
        elif char == "i":
            if previous != "y" and following != "y":
                out.append("י")
        elif char in ("a", "e"):
            if not following and previous != "h":
                out.append("ה")
        elif char == "y" and previous in _VOWELS and following in _VOWELS:
            out.append("יי")  # a consonantal yod between vowels is doubled in plene spelling
        else:
            out.append(_LETTERS.get(char, char))
    if out and out[-1] in _FINAL_FORMS:
        out[-1] = _FINAL_FORMS[out[-1]]
    return "".join(out)


def latin(name: str, convention: str) -> str:
    """The name in ``academy`` or ``english`` romanisation, each word capitalised."""
    table = _LATIN[convention]
    words = []
    for word in name.split():
        parts = []
        for part in word.split("-"):
            letters = []
            for i, char in enumerate(part):
                following = part[i + 1] if i + 1 < len(part) else ""
                if char in ("2", "3"):
                    continue
                if convention == "english" and char == "a" and not following:
                    letters.append("a" if part[i - 1 : i] == "h" else "ah")
                    continue
                final_ay = char == "y" and part[i - 1 : i] == "a" and not following
                if convention == "english" and final_ay:
                    letters.append("i")  # a final ay as ai: Mordechai, Azulai
                    continue
                letters.append(table.get(char, char))
            parts.append("".join(letters).capitalize())
        words.append("-".join(parts))
    return " ".join(words)
