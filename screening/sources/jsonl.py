"""The generic JSON Lines list format: one entity a line, also for a user's own list."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from screening.errors import ListLoadError
from screening.model import Entity
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import MAX_LINE_CHARS, file_text, read_list_file


def parse_jsonl_line(line: str, where: str) -> Entity:
    """One line to an Entity; any defect is an error naming the file and line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ListLoadError(f"{where}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ListLoadError(f"{where}: expected a JSON object")
    try:
        entity = Entity.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ListLoadError(f"{where}: field {field!r}: {first['msg']}") from None
    names = [n for n in entity.names if isinstance(n, str) and n.strip()]
    if not names:
        raise ListLoadError(f"{where}: entity {entity.id!r} has no names")
    return entity.model_copy(update={"names": names})


def read_jsonl(path: Path, source: str | None = None) -> LoadedList:
    """Read a whole JSON Lines list; the snapshot's source defaults to the file stem."""
    file = read_list_file(path)
    entities: list[Entity] = []
    for number, line in enumerate(file_text(file).split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise ListLoadError(
                f"{path}:{number}: line of {len(line)} characters; the limit is {MAX_LINE_CHARS}"
            )
        if line.strip():
            entities.append(parse_jsonl_line(line, f"{path}:{number}"))
    return make_loaded_list(path, source or path.stem, entities, files=[file])
