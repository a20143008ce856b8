"""A self-contained quality set: Cyrillic people and companies, generated from a seed.

The designated list holds Latin names romanised by BGN/PCGN (people as ``Given Patronymic
SURNAME`` or ``SURNAME, Given Patronymic``; companies with their legal form in English,
romanised or abbreviated). Queries are the Cyrillic originals, the other standard
romanisations of ``romanize``, and the usual perturbations of list names. Negatives are
generated names that are not on the list, including near negatives: a listed surname with
another given name (a different person), a listed company name with one word changed.

Needs nothing outside the repository, so it runs wherever the code does, and it exercises
Ukrainian and Belarusian, which the dev set hardly contains.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.compare import compare_on_list, headline_markdown
from benchmarks.data import DEFAULT_OUT, write_jsonl
from benchmarks.report import Section
from benchmarks.romanize import LIST_SCHEME, romanize, schemes_for
from benchmarks.vocabulary import LANGUAGES, Language, LegalForm, agree, feminine_surname
from benchmarks.vocabulary import patronymic as make_patronymic

TITLE = "Quality on the synthetic Cyrillic set"
SEED = 20240601
LIST_SIZE = 1500
PERSON_SHARE = 0.6
LANGUAGE_WEIGHTS = {"ru": 0.6, "uk": 0.25, "be": 0.15}
PER_KIND = {True: 30, False: 120}
"""Positive queries per kind, in quick and full mode."""
NEGATIVES = {"neg:random-person": 20, "neg:random-org": 14, "neg:near": 20, "neg:near-org": 10}
"""Negative queries per kind, in multiples of PER_KIND/3: enough that 1% of them is a count."""

PERSON_KINDS = ("perturb:drop-middle", "perturb:initial")
ORG_KINDS = ("perturb:legal-form",)
ANY_KINDS = ("perturb:swap", "perturb:typo", "perturb:noise")

_BY_CODE = {language.code: language for language in LANGUAGES}
Record = dict[str, Any]


@dataclass(frozen=True)
class Person:
    language: str
    female: bool
    given: str
    patronymic: str
    surname: str

    def cyrillic(self, surname_first: bool = False) -> str:
        if surname_first:
            return f"{self.surname} {self.given} {self.patronymic}"
        return f"{self.given} {self.patronymic} {self.surname}"

    def latin(self, scheme: str = LIST_SCHEME) -> tuple[str, str, str]:
        """(given, patronymic, surname) romanised."""
        return tuple(  # type: ignore[return-value]
            romanize(part, scheme, self.language)
            for part in (self.given, self.patronymic, self.surname)
        )


@dataclass(frozen=True)
class Company:
    language: str
    form: LegalForm
    head: str
    """The main word: a noun (``звезда``), a compound (``Технострой``) or a brand (``Вектор``)."""
    gender: str = "m"
    adjective: str | None = None
    """The adjective before the head, in its masculine (dictionary) form."""
    brand: bool = False

    @property
    def core(self) -> str:
        """The distinctive name in Cyrillic, e.g. ``Северная звезда``."""
        if self.adjective is None:
            return self.head
        return f"{agree(self.adjective, self.gender, self.language)} {self.head}"

    def cyrillic(self, style: int = 0) -> str:
        quoted = (f"«{self.core}»", f'"{self.core}"', self.core)[style % 3]
        return f"{self.form.short} {quoted}"

    def latin_core(self, scheme: str = LIST_SCHEME) -> str:
        return romanize(self.core, scheme, self.language)


Party = Person | Company


class Generator:
    """Draws people, companies and queries from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def language(self) -> Language:
        codes = list(LANGUAGE_WEIGHTS)
        code = self.rng.choices(codes, weights=[LANGUAGE_WEIGHTS[c] for c in codes])[0]
        return _BY_CODE[code]

    def person(self, language: Language, female: bool | None = None) -> Person:
        if female is None:
            female = self.rng.random() < 0.35
        given = self.rng.choice(language.female) if female else self.rng.choice(language.male)[0]
        father_stem = self.rng.choice(language.male)[1]
        surname = self.rng.choice(language.surnames)
        if female:
            surname = feminine_surname(surname, language.code)
        patronymic = make_patronymic(father_stem, female, language.code)
        return Person(language.code, female, given, patronymic, surname)

    def company(self, language: Language) -> Company:
        """One of four shapes: adjective + noun, compound word, brand, adjective + compound."""
        rng = self.rng
        form = rng.choice(language.legal_forms)
        shape = rng.randrange(4)
        if shape == 0:
            noun, gender = rng.choice(language.nouns)
            return Company(language.code, form, noun, gender, rng.choice(language.adjectives))
        if shape == 2:
            return Company(language.code, form, rng.choice(language.brands), brand=True)
        adjective = rng.choice(language.adjectives) if shape == 3 else None
        return Company(language.code, form, self.compound(language), adjective=adjective)

    def compound(self, language: Language) -> str:
        """A compound company word: Техно + строй -> Технострой."""
        return self.rng.choice(language.prefixes) + self.rng.choice(language.suffixes)


# --- how the list writes a party -------------------------------------------------------


def list_name(party: Party, rng: random.Random) -> str:
    """The designated-list spelling: BGN/PCGN, in one of the formats real lists use."""
    if isinstance(party, Person):
        given, patronymic, surname = party.latin()
        if rng.random() < 0.7:
            return f"{given} {patronymic} {surname.upper()}"
        return f"{surname.upper()}, {given} {patronymic}"
    core = party.latin_core()
    shape = rng.randrange(4)
    if shape == 0:
        return f"{party.form.english[-1].upper()} {core.upper()}"
    if shape == 1:
        return f"{romanize(party.form.full, LIST_SCHEME, party.language).upper()} {core.upper()}"
    if shape == 2:
        return f"{core.upper()}, {romanize(party.form.short, LIST_SCHEME, party.language)}"
    return f'{romanize(party.form.short, LIST_SCHEME, party.language)} "{core}"'


# --- how a query writes a listed party -------------------------------------------------


def query_cyrillic(party: Party, rng: random.Random, listed: str) -> str:
    if isinstance(party, Person):
        return party.cyrillic(surname_first=rng.random() < 0.5)
    return party.cyrillic(style=rng.randrange(3))


def query_translit(scheme: str) -> Callable[[Party, random.Random, str], str]:
    def make(party: Party, rng: random.Random, listed: str) -> str:
        source = party.cyrillic() if isinstance(party, Person) else party.cyrillic(style=1)
        return romanize(source, scheme, party.language)

    return make


def query_drop_middle(party: Party, rng: random.Random, listed: str) -> str:
    assert isinstance(party, Person)
    given, _, surname = party.latin()
    return f"{given} {surname}"


def query_initial(party: Party, rng: random.Random, listed: str) -> str:
    assert isinstance(party, Person)
    given, patronymic, surname = party.latin()
    style = rng.randrange(3)
    if style == 0:
        return f"{given[0]}. {patronymic[0]}. {surname}"
    if style == 1:
        return f"{surname} {given[0]}.{patronymic[0]}."
    return f"{given[0]}. {surname}"


def query_swap(party: Party, rng: random.Random, listed: str) -> str:
    if isinstance(party, Person):
        given, patronymic, surname = party.latin()
        if "," in listed:
            return f"{given} {patronymic} {surname}"
        return f"{surname} {given} {patronymic}"
    words = party.latin_core().split()
    if len(words) > 1:
        words = words[1:] + words[:1]
    short = romanize(party.form.short, LIST_SCHEME, party.language)
    return f"{' '.join(words)} {short}"


def query_typo(party: Party, rng: random.Random, listed: str) -> str:
    """One edit (substitution, deletion, insertion or transposition) in a long word."""
    words = list(party.latin()) if isinstance(party, Person) else party.latin_core().split()
    candidates = [i for i, word in enumerate(words) if len(word) >= 5] or [0]
    at = rng.choice(candidates)
    words[at] = _one_edit(words[at], rng)
    if isinstance(party, Company):
        return f"{romanize(party.form.short, LIST_SCHEME, party.language)} {' '.join(words)}"
    return " ".join(words)


def _one_edit(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 1) if len(word) > 2 else 0
    letter = rng.choice("aeioukstrnlm")
    operation = rng.randrange(4)
    if operation == 0:
        return word[:position] + letter + word[position + 1 :]
    if operation == 1:
        return word[:position] + word[position + 1 :]
    if operation == 2:
        return word[:position] + letter + word[position:]
    return word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]


def query_legal_form(party: Party, rng: random.Random, listed: str) -> str:
    """The same company with its legal form written another way (or left out)."""
    assert isinstance(party, Company)
    core = party.latin_core()
    renderings = [
        f"{core} {party.form.english[0]}",
        f"{party.form.english[-1]} {core}",
        f"{romanize(party.form.full, LIST_SCHEME, party.language)} {core}",
        f'"{core}" {romanize(party.form.short, LIST_SCHEME, party.language)}',
        f"{party.form.short} {core}",
        core,
    ]
    return rng.choice([r for r in renderings if r.lower() != listed.lower()])


def query_noise(party: Party, rng: random.Random, listed: str) -> str:
    """Case and punctuation noise on the list spelling."""
    noisy = listed.lower() if rng.random() < 0.5 else listed.upper()
    words = noisy.replace(",", "").split()
    glue = rng.choice(["  ", " - ", ". ", " , ", "; "])
    return (glue.join(words) + rng.choice(["", ".", " ;", " (", '"'])).strip()


# --- negatives -------------------------------------------------------------------------


def person_key(person: Person) -> tuple[str, str, str]:
    """Who a person is for the negatives: given name and surname (patronymic aside)."""
    return (person.language, person.given, person.surname)


def near_person(gen: Generator, listed: Person) -> Person:
    """Same surname (in the other gender's form half the time), another given name."""
    language = _BY_CODE[listed.language]
    female = gen.rng.random() < 0.5
    person = gen.person(language, female=female)
    surname = listed.surname
    if female and not listed.female:
        surname = feminine_surname(surname, language.code)
    elif listed.female and not female:
        surname = _masculine_of(listed.surname, language)
    return Person(person.language, female, person.given, person.patronymic, surname)


def _masculine_of(surname: str, language: Language) -> str:
    for masculine in language.surnames:
        if feminine_surname(masculine, language.code) == surname:
            return masculine
    return surname


def near_company(gen: Generator, listed: Company) -> Company:
    """A listed company name with its main word changed: Северная звезда -> Северный порт.

    Compounds keep their first part (Технострой -> Техносервис); brands are not used, as
    a brand with one more word would still rightly alert.
    """
    language = _BY_CODE[listed.language]
    if listed.adjective is not None and gen.rng.random() < 0.5:
        noun, gender = gen.rng.choice(language.nouns)
        return Company(listed.language, listed.form, noun, gender, listed.adjective)
    prefix = next((p for p in language.prefixes if listed.head.startswith(p)), None)
    if prefix is not None:
        head = prefix + gen.rng.choice(language.suffixes)
        return Company(listed.language, listed.form, head, adjective=listed.adjective)
    noun, gender = gen.rng.choice(language.nouns)
    return Company(listed.language, listed.form, noun, gender, listed.adjective)


def render_negative(party: Party, rng: random.Random) -> str:
    """A negative is written like a query: Cyrillic half of the time, else a list spelling."""
    if rng.random() < 0.5:
        return query_cyrillic(party, rng, "")
    return list_name(party, rng)


# --- the whole set ---------------------------------------------------------------------


@dataclass
class SyntheticSet:
    entities: list[Record]
    queries: list[Record]


def generate(seed: int = SEED, quick: bool = True) -> SyntheticSet:
    """The list and the queries; the same seed gives the same set, byte for byte."""
    gen = Generator(seed)
    rng = gen.rng
    parties: list[Party] = []
    people_seen: set[tuple[str, str, str]] = set()
    cores_seen: set[str] = set()
    while len(parties) < LIST_SIZE:
        language = gen.language()
        if rng.random() < PERSON_SHARE:
            person = gen.person(language)
            if person_key(person) not in people_seen:
                people_seen.add(person_key(person))
                parties.append(person)
        else:
            company = gen.company(language)
            if company.core.lower() not in cores_seen:
                cores_seen.add(company.core.lower())
                parties.append(company)

    entities: list[Record] = []
    names: list[str] = []
    for number, party in enumerate(parties):
        name = list_name(party, rng)
        names.append(name)
        schema = "Person" if isinstance(party, Person) else "Organization"
        entities.append({"id": f"syn-{number:05d}", "schema": schema, "names": [name]})

    builders: dict[str, tuple[Callable[[Party, random.Random, str], str], type | None]] = {
        "cyrillic": (query_cyrillic, None)
    }
    all_schemes = sorted({s for lang in LANGUAGE_WEIGHTS for s in schemes_for(lang)})
    for other in all_schemes:
        if other != LIST_SCHEME:
            builders[f"translit:{other}"] = (query_translit(other), None)
    builders["perturb:drop-middle"] = (query_drop_middle, Person)
    builders["perturb:initial"] = (query_initial, Person)
    builders["perturb:legal-form"] = (query_legal_form, Company)
    builders["perturb:swap"] = (query_swap, None)
    builders["perturb:typo"] = (query_typo, None)
    builders["perturb:noise"] = (query_noise, None)

    per_kind = PER_KIND[quick]
    queries: list[Record] = []

    def add(name: str, schema: str, expected: list[str], kind: str) -> None:
        queries.append(
            {
                "qid": f"s-{len(queries):05d}",
                "name": name,
                "schema": schema,
                "expected": expected,
                "kind": kind,
            }
        )

    for kind, (build, only) in builders.items():
        scheme: str | None = kind.split(":", 1)[1] if kind.startswith("translit:") else None
        eligible = [
            i
            for i, party in enumerate(parties)
            if (only is None or isinstance(party, only))
            and (scheme is None or party.language in _languages_of(scheme))
        ]
        for i in rng.sample(eligible, min(per_kind, len(eligible))):
            entity = entities[i]
            add(build(parties[i], rng, names[i]), entity["schema"], [entity["id"]], kind)

    listed_people = [p for p in parties if isinstance(p, Person)]
    unbranded = [p for p in parties if isinstance(p, Company) and not p.brand]
    unit = per_kind // 3
    makers: dict[str, Callable[[], Party]] = {
        "neg:random-person": lambda: gen.person(gen.language()),
        "neg:random-org": lambda: gen.company(gen.language()),
        "neg:near": lambda: near_person(gen, rng.choice(listed_people)),
        "neg:near-org": lambda: near_company(gen, rng.choice(unbranded)),
    }
    for kind, multiple in NEGATIVES.items():
        made = 0
        while made < multiple * unit:
            party = makers[kind]()
            if isinstance(party, Person) and person_key(party) in people_seen:
                continue
            if isinstance(party, Company) and party.core.lower() in cores_seen:
                continue
            schema = "Person" if isinstance(party, Person) else "Organization"
            add(render_negative(party, rng), schema, [], kind)
            made += 1
    return SyntheticSet(entities, queries)


def _languages_of(scheme: str) -> set[str]:
    return {lang for lang in LANGUAGE_WEIGHTS if scheme in schemes_for(lang)}


# --- the benchmark part ----------------------------------------------------------------


def run(quick: bool, out_dir: Path, seed: int = SEED) -> Section:
    """Build engine and baseline over the synthetic list and score both on its queries."""
    data = generate(seed, quick)
    write_jsonl(out_dir / "synthetic_list.jsonl", data.entities)
    write_jsonl(out_dir / "synthetic_queries.jsonl", data.queries)
    comparison = compare_on_list(data.entities, data.queries, out_dir, label="synthetic")
    positives = sum(1 for q in data.queries if q["expected"])
    markdown = "\n".join(
        [
            f"Seed {seed}: {len(data.entities)} list entities (BGN/PCGN romanisation), "
            f"{positives} positive and {len(data.queries) - positives} negative queries "
            "(Russian, Ukrainian, Belarusian).",
            "",
            headline_markdown(comparison),
            comparison.scorer_markdown,
        ]
    )
    return Section(
        title=TITLE,
        markdown=markdown,
        figures=comparison.figures("synthetic"),
        details=comparison.details(
            seed=seed, entities=len(data.entities), queries=len(data.queries)
        ),
        curves=comparison.curves,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    print(run(args.quick, args.out, args.seed).markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
