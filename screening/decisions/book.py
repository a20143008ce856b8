"""Reading a customer book for monitoring: one ``Customer`` per CSV row, keyed.

The file is read with the batch reader (encoding, delimiter and header checked first).
A row that cannot be read, or has no key or name, is reported by its row number: it is
never dropped in silence, and the run that meets one exits with an error status.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from screening.batch import ColumnMap, inspect_csv, parse_fields, resolve_columns
from screening.batch.reader import strip_terminator
from screening.decisions.model import Customer
from screening.decisions.review import customer_of


@dataclass
class Book:
    customers: list[Customer]
    problems: list[str]


def read_book(
    path: str | Path, columns: ColumnMap, encoding: str = "utf-8", delimiter: str | None = None
) -> Book:
    """Every readable row of the book as a customer; the others as problems."""
    source = inspect_csv(path, encoding=encoding, delimiter=delimiter)
    resolved = resolve_columns(columns, source.keys)
    position = {key: at for at, key in enumerate(source.keys)}
    book = Book([], [])
    for number, record in enumerate(source.records(), 1):
        try:
            if record.problem:
                raise ValueError(record.problem)
            fields = parse_fields(strip_terminator(record.data.decode(encoding)), source.delimiter)
            if len(fields) != len(source.keys):
                raise ValueError(f"expected {len(source.keys)} fields, found {len(fields)}")
        except (ValueError, UnicodeDecodeError) as exc:
            book.problems.append(f"row {number}: {exc}")
            continue

        def value(column: str | None, fields: list[str] = fields) -> str | None:
            return (fields[position[column]].strip() or None) if column else None

        key, name = value(resolved.id), value(resolved.name)
        if not key or not name:
            book.problems.append(f"row {number}: no customer key or name")
            continue
        book.customers.append(
            customer_of(
                key,
                name,
                value(resolved.schema),
                value(resolved.birth_date),
                value(resolved.country),
            )
        )
    return book
