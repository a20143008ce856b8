"""The name index as plain JSON data and back, for the index cache.

Plain data cannot run code when it is read, as a pickle can. A cache file holds the
list entities (validated again by pydantic when read) and the index tables: the
postings and frequency tables are JSON-native already; each parsed name becomes a
row whose tokens point into one table of distinct tokens, so a word held by many
names is stored and rebuilt once.

``FIELDS`` says which dataclass fields the rows hold, in order: a field added to one of
these classes without being added here fails ``check_fields`` (and the cache tests)
instead of being silently lost.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import TypeAdapter

from screening.index import IndexedName, NameIndex
from screening.model import Entity
from screening.names import LegalForm, ParsedName, Role, Token
from screening.weights import ScoringWeights

# The fields of each class a row holds.
FIELDS: dict[type, tuple[str, ...]] = {
    Token: ("text", "folded", "keys", "role"),
    LegalForm: ("text", "form_class"),
    ParsedName: (
        "original",
        "tokens",
        "legal_forms",
        "words",
        "legal",
        "legal_classes",
        "has_patronymic",
        "joined",
        "origins",
        "organisation",
    ),
    IndexedName: ("entity", "text", "parsed", "weak", "weights", "weight"),
}

# NameIndex fields stored as they are (JSON-native: str-keyed dicts, lists, numbers);
# fields starting with "_" are query-time memos and start empty.
SPECIAL_INDEX_FIELDS = ("entities", "names", "weights")

ENTITIES = TypeAdapter(list[Entity])
ROLES: dict[str, Role] = {role.value: role for role in Role}


def check_fields() -> None:
    """Fail loudly when a class gained or lost a field this codec does not know of."""
    for cls, stored in FIELDS.items():
        known = set(stored)
        actual = {f.name for f in dataclasses.fields(cls)}
        if known != actual:
            raise TypeError(f"index_data does not know {cls.__name__} fields {actual ^ known}")


def plain_fields() -> list[str]:
    """The NameIndex fields stored as they are."""
    return [
        f.name
        for f in dataclasses.fields(NameIndex)
        if not f.name.startswith("_") and f.name not in SPECIAL_INDEX_FIELDS
    ]


def index_to_data(index: NameIndex) -> tuple[dict[str, Any], bytes]:
    """The index tables as a JSON-ready dict, and the entities as JSON bytes."""
    check_fields()
    tokens: dict[Token, int] = {}
    rows = [_name_row(name, tokens) for name in index.names]
    data: dict[str, Any] = {name: getattr(index, name) for name in plain_fields()}
    data["tokens"] = [[t.text, t.folded, list(t.keys), t.role.value] for t in tokens]
    data["names"] = rows
    data["weights"] = index.weights.model_dump(mode="json")
    return data, ENTITIES.dump_json(index.entities, by_alias=True)


def _name_row(name: IndexedName, tokens: dict[Token, int]) -> list[Any]:
    parsed = name.parsed
    return [
        name.entity,
        name.text,
        parsed.original,
        [tokens.setdefault(token, len(tokens)) for token in parsed.tokens],
        [[form.text, form.form_class] for form in parsed.legal_forms],
        list(parsed.words),
        list(parsed.legal),
        sorted(parsed.legal_classes),
        parsed.has_patronymic,
        [list(joined) for joined in parsed.joined],
        sorted(parsed.origins),
        parsed.organisation,
        name.weak,
        list(name.weights),
        name.weight,
    ]


def index_from_data(data: dict[str, Any], entities_json: bytes) -> NameIndex:
    """The index back from ``index_to_data``'s output (``data`` is consumed: its tables
    become the index's). Malformed data raises ValueError, TypeError, KeyError or
    IndexError (a cache entry then is simply rebuilt)."""
    check_fields()
    entities = ENTITIES.validate_json(entities_json)
    tokens = [
        Token(text, folded, tuple(keys), ROLES[role]) for text, folded, keys, role in data["tokens"]
    ]
    rows: list[Any] = data.pop("names")
    rows.reverse()
    names = []
    while rows:  # each row is freed once its name is built: less memory at the peak
        names.append(_indexed_name(rows.pop(), tokens))
    for name in names:
        if not 0 <= name.entity < len(entities):
            raise IndexError(f"name {name.text!r} points at entity {name.entity}")
    fields = {name: data[name] for name in plain_fields()}
    weights = ScoringWeights.model_validate(data["weights"])
    return NameIndex(entities=entities, names=names, weights=weights, **fields)


def _indexed_name(row: list[Any], tokens: list[Token]) -> IndexedName:
    (entity, text, original, token_ids, forms, words, legal, classes) = row[:8]
    (patronymic, joined, origins, organisation, weak, weights, weight) = row[8:]
    parsed = ParsedName(
        original=original,
        tokens=tuple([tokens[i] for i in token_ids]),
        legal_forms=tuple([LegalForm(form, form_class) for form, form_class in forms]),
        words=tuple(words),
        legal=tuple(legal),
        legal_classes=frozenset(classes),
        has_patronymic=patronymic,
        joined=tuple([(i, j, key, concept) for i, j, key, concept in joined]),
        origins=frozenset(origins),
        organisation=organisation,
    )
    return IndexedName(entity, text, parsed, weak, tuple(weights), weight)
