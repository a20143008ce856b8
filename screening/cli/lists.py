"""``screening lists``: fetch the official lists, show what is stored, compare two versions.

``fetch`` downloads into the local store and never replaces a good list with a broken
one; ``info`` says how old each stored list is; ``diff`` tells what changed between two
versions, so a customer book can be re-screened against the delta only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from screening.cli.common import (
    DEFAULT_LIST,
    EXIT_FETCH_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    add_store_option,
    resolve_list,
    store_from_args,
)
from screening.errors import ListLoadError
from screening.model import Entity
from screening.sources.registry import SOURCES
from screening.store import (
    DEFAULT_MIN_RATIO,
    ENV_BASE_URL,
    DownloadLimits,
    FetchError,
    ListStore,
    StoredVersion,
    fetch,
    load_checked,
    staleness_warnings,
    utc_now,
    write_atomic,
)

DEFAULT_MAX_AGE_DAYS = 7.0

# The entity fields a diff compares: what a screening decision can depend on.
DIFF_FIELDS: tuple[str, ...] = (
    "schema",
    "names",
    "weak_names",
    "birth_dates",
    "countries",
    "programs",
    "identifiers",
)


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "lists",
        help="fetch, inspect and compare the official lists",
        description="Fetch the official sanctions lists into a local store, show what is "
        "stored, and compare two versions of a list.",
    )
    actions = parser.add_subparsers(dest="lists_command", required=True, metavar="ACTION")

    fetch_parser = actions.add_parser(
        "fetch",
        help="download lists into the store",
        description="Download, verify and store lists. A list that fails to download in "
        "time, is not the source's own format, lacks an integrity signal of its publisher, "
        "does not parse, shrinks implausibly or is older than the stored one is refused "
        "and the stored one stays current.",
    )
    fetch_parser.add_argument(
        "names",
        nargs="*",
        metavar="LIST",
        help=f"{', '.join(SOURCES)} or all (default: all)",
    )
    add_store_option(fetch_parser)
    fetch_parser.add_argument(
        "--base-url",
        help=f"fetch every file from BASE_URL/LIST/FILE instead (a mirror; env {ENV_BASE_URL})",
    )
    fetch_parser.add_argument(
        "--min-ratio",
        type=float,
        default=DEFAULT_MIN_RATIO,
        help="refuse a list with fewer than this share of the entities of the current "
        f"version or of the one before it (default {DEFAULT_MIN_RATIO})",
    )
    fetch_parser.add_argument(
        "--min-entities",
        type=int,
        metavar="N",
        help="on a first fetch, refuse a list with fewer entities "
        "(default: each source's own floor, see the README)",
    )
    fetch_parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds without data before giving up"
    )
    fetch_parser.add_argument(
        "--deadline",
        type=float,
        default=DownloadLimits.deadline,
        help=f"seconds for a whole file (default {DownloadLimits.deadline:g})",
    )
    fetch_parser.set_defaults(run=run_fetch)

    info_parser = actions.add_parser(
        "info", help="show the stored lists and their age", description="Show stored lists."
    )
    add_store_option(info_parser)
    info_parser.add_argument(
        "--max-age-days",
        type=float,
        default=DEFAULT_MAX_AGE_DAYS,
        help=f"warn about lists not refreshed for longer (default {DEFAULT_MAX_AGE_DAYS:g})",
    )
    info_parser.add_argument("--json", action="store_true", help="print JSON")
    info_parser.set_defaults(run=run_info)

    diff_parser = actions.add_parser(
        "diff",
        help="what changed between two versions of a list",
        description="Compare two lists: entities added, removed and changed. OLD and NEW "
        "are files, folders, or stored versions (uk@previous, uk@20250101T120000Z, uk).",
    )
    diff_parser.add_argument("old", metavar="OLD")
    diff_parser.add_argument("new", metavar="NEW")
    add_store_option(diff_parser)
    diff_parser.add_argument("--json", action="store_true", help="print JSON")
    diff_parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="compare list files that lack an integrity signal of their publisher (excerpts)",
    )
    diff_parser.add_argument(
        "--write-delta",
        type=Path,
        metavar="FILE",
        help="write the added and changed entities as a JSON Lines list, to re-screen a "
        "customer book for them only: batch or spark-batch --list NEW --delta FILE",
    )
    diff_parser.set_defaults(run=run_diff)


# --- fetch -----------------------------------------------------------------------------


def run_fetch(args: argparse.Namespace) -> int:
    names = fetch_targets(args.names)
    if names is None:
        print(
            f"screening: unknown list in {args.names}; choose from {', '.join(SOURCES)}, all",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = store_from_args(args)
    base_url = args.base_url or os.environ.get(ENV_BASE_URL) or None
    limits = DownloadLimits(timeout=args.timeout, deadline=args.deadline)
    failed = 0
    for name in names:
        try:
            result = fetch(
                name,
                store.root,
                base_url,
                limits=limits,
                min_ratio=args.min_ratio,
                min_entities=args.min_entities,
            )
        except FetchError as exc:
            failed += 1
            print(f"screening: {exc}; {kept_message(store, name)}", file=sys.stderr)
            continue
        if result.changed:
            print(f"{name}: fetched {describe_version(result.current)}")
        else:
            print(f"{name}: unchanged, still {result.current.label}")
    return EXIT_FETCH_ERROR if failed else EXIT_OK


def fetch_targets(requested: Sequence[str]) -> list[str] | None:
    """The lists to fetch, in registry order; None if a name is unknown."""
    if not requested or "all" in requested:
        return list(SOURCES)
    if any(name not in SOURCES for name in requested):
        return None
    return list(dict.fromkeys(requested))


def kept_message(store: ListStore, name: str) -> str:
    try:
        current = store.current(name)
    except ListLoadError:
        current = None
    return f"{current.label} stays current" if current else "no version of it is stored"


def describe_version(version: StoredVersion) -> str:
    manifest = version.manifest
    published = f", published {manifest.published}" if manifest.published else ""
    return f"{version.label}: {manifest.entities} entities ({schema_counts(version)}){published}"


def schema_counts(version: StoredVersion) -> str:
    return ", ".join(f"{schema} {count}" for schema, count in version.manifest.schemas.items())


# --- info ------------------------------------------------------------------------------


def run_info(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    now = utc_now()
    names = store.sources()
    if not names:
        note = (
            f"no lists fetched into {store.root} yet: screening uses the bundled "
            f"illustrative list ({DEFAULT_LIST}) until you run: screening lists fetch"
        )
        if args.json:
            payload = {"store": str(store.root), "lists": [], "bundled": str(DEFAULT_LIST)}
            print(json.dumps({**payload, "note": note}, indent=2, ensure_ascii=False))
        else:
            print(note)
        return EXIT_OK
    current = {name: store.require_current(name) for name in names}
    if args.json:
        print(json.dumps(info_as_json(store, current, now), indent=2, ensure_ascii=False))
    else:
        print(f"list store: {store.root}")
        for name, version in current.items():
            print(format_info(version, store.versions(name), now))
    for name, version in current.items():
        age = version.age_days(now)
        if age > args.max_age_days:
            print(
                f"screening: warning: {name} was last refreshed {age:.1f} days ago "
                f"(limit {args.max_age_days:g}); run: screening lists fetch {name}",
                file=sys.stderr,
            )
        for warning in staleness_warnings(version, now):
            print(f"screening: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def format_info(version: StoredVersion, versions: list[StoredVersion], now: datetime) -> str:
    manifest = version.manifest
    older = [v.version for v in versions if v.version != version.version]
    lines = [
        f"{version.source}: {manifest.title}" if manifest.title else version.source,
        f"  version     {manifest.version}",
        f"  published   {manifest.published or 'not stated in the file'}",
        f"  downloaded  {stamp(manifest.downloaded_at)}",
        f"  checked     {stamp(manifest.checked_at)} ({version.age_days(now):.1f} days ago)",
        f"  format      {manifest.list_format or 'not recorded'}",
        f"  entities    {manifest.entities} ({schema_counts(version)})",
        f"  files       {', '.join(f'{f.name} sha256:{f.sha256[:12]}' for f in manifest.files)}",
        f"  also kept   {', '.join(older) or '-'}",
    ]
    lines += [f"  checked:    {check}" for check in manifest.checks]
    return "\n".join(lines)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def info_as_json(
    store: ListStore, current: dict[str, StoredVersion], now: datetime
) -> dict[str, Any]:
    return {
        "store": str(store.root),
        "lists": [
            {
                **version.manifest.model_dump(mode="json"),
                "age_days": round(version.age_days(now), 3),
                "warnings": staleness_warnings(version, now),
                "path": str(version.data_dir),
                "versions": [v.version for v in store.versions(name)],
            }
            for name, version in current.items()
        ],
    }


# --- diff ------------------------------------------------------------------------------


@dataclass
class EntityChange:
    """How one entity present in both lists differs, field by field."""

    old: Entity
    new: Entity
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class ListDiff:
    """Entities added, removed and changed between two lists, keyed by entity id."""

    added: list[Entity]
    removed: list[Entity]
    changed: list[EntityChange]

    @property
    def delta(self) -> list[Entity]:
        """What to re-screen against: new entities and the new state of changed ones."""
        return self.added + [change.new for change in self.changed]


def run_diff(args: argparse.Namespace) -> int:
    store_dir = getattr(args, "store_dir", None)
    old_ref = resolve_list(args.old, store_dir)
    new_ref = resolve_list(args.new, store_dir)
    old = read_entities(old_ref.path, allow_partial=args.allow_partial)
    new = read_entities(new_ref.path, allow_partial=args.allow_partial)
    result = diff_entities(old, new)
    if args.write_delta is not None:
        lines = (e.model_dump_json(by_alias=True, exclude_none=True) for e in result.delta)
        write_atomic(args.write_delta, "".join(line + "\n" for line in lines))
    if args.json:
        payload = diff_as_json(result, old_ref.label, new_ref.label, len(old), len(new))
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(format_diff(result, old_ref.label, new_ref.label))
    if args.write_delta is not None and not result.delta:
        print("screening: no added or changed entities; the delta file is empty", file=sys.stderr)
    return EXIT_OK


def read_entities(path: Path, allow_partial: bool = False) -> dict[str, Entity]:
    """Every entity of a file or folder by id; an id listed twice is an error."""
    entities: dict[str, Entity] = {}
    for loaded in load_checked(path, allow_partial=allow_partial):
        for entity in loaded.entities:
            if entity.id in entities:
                raise ListLoadError(f"{path}: entity id {entity.id!r} appears twice")
            entities[entity.id] = entity
    return entities


def diff_entities(old: dict[str, Entity], new: dict[str, Entity]) -> ListDiff:
    """Compare two lists by entity id; value order within a field does not matter."""
    added = [new[key] for key in sorted(new.keys() - old.keys())]
    removed = [old[key] for key in sorted(old.keys() - new.keys())]
    changed = []
    for key in sorted(old.keys() & new.keys()):
        fields = compare_entities(old[key], new[key])
        if fields:
            changed.append(EntityChange(old=old[key], new=new[key], fields=fields))
    return ListDiff(added=added, removed=removed, changed=changed)


def compare_entities(old: Entity, new: Entity) -> dict[str, dict[str, Any]]:
    changes: dict[str, dict[str, Any]] = {}
    for name in DIFF_FIELDS:
        before, after = field_values(old, name), field_values(new, name)
        if name == "schema":
            if before != after:
                changes[name] = {"old": before[0], "new": after[0]}
            continue
        gained = [value for value in after if value not in before]
        lost = [value for value in before if value not in after]
        if gained or lost:
            changes[name] = {"added": gained, "removed": lost}
    return changes


def field_values(entity: Entity, name: str) -> list[str]:
    """A field as a list of strings (identifiers as ``type: value``) for comparison."""
    if name == "schema":
        return [entity.schema_]
    if name == "identifiers":
        return [f"{i.type}: {i.value}" for i in entity.identifiers]
    values: list[str] = getattr(entity, name)
    return list(dict.fromkeys(values))


def format_diff(result: ListDiff, old_label: str, new_label: str) -> str:
    lines = [
        f"{old_label} -> {new_label}",
        f"  added {len(result.added)}, removed {len(result.removed)}, "
        f"changed {len(result.changed)}",
    ]
    if result.added:
        lines += ["", "Added:"] + [f"  + {one_line(e)}" for e in result.added]
    if result.removed:
        lines += ["", "Removed:"] + [f"  - {one_line(e)}" for e in result.removed]
    if result.changed:
        lines += ["", "Changed:"]
        for change in result.changed:
            lines.append(f"  ~ {one_line(change.new)}")
            lines.extend(f"      {line}" for line in change_lines(change.fields))
    return "\n".join(lines)


def one_line(entity: Entity) -> str:
    programs = f"; {', '.join(entity.programs)}" if entity.programs else ""
    return f"{entity.id}  {entity.names[0]}  [{entity.schema_}{programs}]"


def change_lines(fields: dict[str, dict[str, Any]]) -> Iterable[str]:
    for name, change in fields.items():
        if "old" in change:
            yield f"{name}: {change['old']} -> {change['new']}"
            continue
        parts = [f"+ {value}" for value in change["added"]]
        parts += [f"- {value}" for value in change["removed"]]
        yield f"{name}: {'; '.join(parts)}"


def diff_as_json(
    result: ListDiff, old_label: str, new_label: str, old_count: int, new_count: int
) -> dict[str, Any]:
    def dump(entity: Entity) -> dict[str, Any]:
        return entity.model_dump(mode="json", by_alias=True, exclude_none=True)

    return {
        "old": {"list": old_label, "entities": old_count},
        "new": {"list": new_label, "entities": new_count},
        "summary": {
            "added": len(result.added),
            "removed": len(result.removed),
            "changed": len(result.changed),
        },
        "added": [dump(e) for e in result.added],
        "removed": [dump(e) for e in result.removed],
        "changed": [
            {"id": c.new.id, "name": c.new.names[0], "changes": c.fields} for c in result.changed
        ],
    }
