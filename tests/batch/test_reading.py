"""Reading input CSV bytes: record cutting, field parsing, dialect and encoding detection."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.batch import RecordReader, detect_delimiter, inspect_csv, parse_fields
from screening.errors import InputError
from tests.batch.conftest import write_csv


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("a,b,c", ["a", "b", "c"]),
        ("a,,", ["a", "", ""]),
        ('"Smith, John",x', ["Smith, John", "x"]),
        ('"say ""hi""",x', ['say "hi"', "x"]),
        ('O"Brien,x', ['O"Brien', "x"]),  # a quote inside a field is a plain character
        ('"multi\nline",x', ["multi\nline", "x"]),
        ('"ab"cd,x', ["abcd", "x"]),  # text after a closing quote is kept, as csv does
        ('a, "b"', ["a", ' "b"']),  # not at the field's start: no quoting
    ],
)
def test_parse_fields(text: str, fields: list[str]) -> None:
    assert parse_fields(text, ",") == fields
    assert next(csv.reader([text] if "\n" not in text else io.StringIO(text))) == fields


def test_parse_fields_refuses_an_unclosed_quote() -> None:
    with pytest.raises(ValueError, match="not closed"):
        parse_fields('a,"bc', ",")


cells = st.text(alphabet=st.sampled_from('ab ;,"\n\rЖ\x00'), max_size=8)


@given(st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=6))
def test_records_and_fields_agree_with_the_csv_module(rows: list[list[str]]) -> None:
    """Whatever ``csv.writer`` writes, the reader cuts and parses back the same rows."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        path.write_bytes(data)
        records = list(RecordReader(path, 0, ","))
    assert all(r.problem is None for r in records)
    parsed = [parse_fields(r.data.decode("utf-8").removesuffix("\r\n"), ",") for r in records]
    assert parsed == rows


@pytest.mark.parametrize(
    ("data", "records", "problems", "blank"),
    [
        (b"a,b\nc,d\n", [b"a,b\n", b"c,d\n"], [None, None], 0),
        (b"a,b\r\nc,d", [b"a,b\r\n", b"c,d"], [None, None], 0),
        (b'a,"x\ny"\nc,d\n', [b'a,"x\ny"\n', b"c,d\n"], [None, None], 0),
        (b"a,b\n\n\r\nc,d\n", [b"a,b\n", b"c,d\n"], [None, None], 2),
        # an unclosed quote breaks only its own line; the rest is read again
        (b'a,"b\nc,d\ne,f\n', [b'a,"b\n', b"c,d\n", b"e,f\n"], ["unbalanced quote", None, None], 0),
    ],
)
def test_record_reader(
    tmp_path: Path,
    data: bytes,
    records: list[bytes],
    problems: list[str | None],
    blank: int,
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    reader = RecordReader(path, 0, ",")
    found = list(reader)
    assert [r.data for r in found] == records
    for record, problem in zip(found, problems, strict=True):
        assert (record.problem is None) if problem is None else (problem in (record.problem or ""))
    assert reader.blank_lines == blank


def test_a_stray_quote_does_not_swallow_the_rows_up_to_the_next_quote(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'1,"stray,x\n2,b,y\n3,"Smith, John",z\n4,"two\nlines",w\n')
    found = list(RecordReader(path, 0, ",", fields=3))
    assert [r.data for r in found] == [
        b'1,"stray,x\n',
        b"2,b,y\n",
        b'3,"Smith, John",z\n',
        b'4,"two\nlines",w\n',
    ]
    assert [r.problem is None for r in found] == [False, True, True, True]


def test_an_unclosed_quote_stops_at_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'1,"open\n' + b"2,fine\n" * 100)
    found = list(RecordReader(path, 0, ",", max_bytes=64))
    assert found[0].problem is not None
    assert [r.data for r in found[1:]] == [b"2,fine\n"] * 100


def test_an_over_long_line_is_cut_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"1," + b"x" * 500 + b"\n2,ok\n")
    found = list(RecordReader(path, 0, ",", max_bytes=100))
    assert len(found) == 2
    assert found[0].problem is not None and "longer than" in found[0].problem
    assert found[1] == (b"2,ok\n", None)


def test_skip_continues_after_the_rows_already_done(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'1,a\n2,"b\nb"\n3,c\n')
    assert [r.data for r in RecordReader(path, 0, ",", skip=2)] == [b"3,c\n"]


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("id,name\n1,John Smith\n", ","),
        ("id;name\n1;Smith, John\n2;Ivanov, Ivan\n", ";"),
        ("id\tname\n1\tJohn\n", "\t"),
        ("id|name|country\n1|John|us\n", "|"),
        ("name\nJohn Smith\nIvan Petrov\n", ","),  # one column: nothing to detect
        ('name\n"Smith, John"\n', ","),
    ],
)
def test_detect_delimiter(sample: str, delimiter: str) -> None:
    assert detect_delimiter(sample) == delimiter


def test_inspect_finds_bom_semicolon_and_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [["Name", "ID"], ["Иван; Петров", "1"]], ";", bom=True)
    source = inspect_csv(path)
    assert source.delimiter == ";"
    assert source.header == ["Name", "ID"]  # no BOM glued to the first column name
    assert source.data_offset == len(b"\xef\xbb\xbfName;ID\n")


def test_inspect_reads_a_cp1251_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [["имя", "name"], ["Иван", "x"]], encoding="cp1251")
    with pytest.raises(InputError, match="cp1251"):
        inspect_csv(path)  # not UTF-8: the message suggests the encoding option
    assert inspect_csv(path, encoding="cp1251").header == ["имя", "name"]


@pytest.mark.parametrize(
    ("content", "kwargs", "message"),
    [
        (b"", {}, "empty file"),
        (b"name\nx\n", {"encoding": "klingon"}, "unknown encoding"),
        (b"name\nx\n", {"encoding": "utf-16"}, "not ASCII-compatible"),
        (b"name\nx\n", {"delimiter": ";;"}, "delimiter"),
        (b"\xef\xbb\xbfname\nx\n", {"encoding": "cp1251"}, "byte-order mark"),
        (b'"name\n', {}, "header"),
        (b"name\rJohn\rIvan\r", {}, "bare CR"),
    ],
)
def test_inspect_refuses_what_cannot_start(
    tmp_path: Path, content: bytes, kwargs: dict[str, str], message: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        inspect_csv(path, **kwargs)


def test_inspect_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        inspect_csv(tmp_path / "absent.csv")
