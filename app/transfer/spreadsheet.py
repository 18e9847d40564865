"""Spreadsheets in and out of the import document: one XLSX sheet (or one CSV file) per
entity, headers named as the JSON fields.

Sheets: `regions`, `s3_priorities` (one row per priority, in order, keyed by `region_code`),
`clusters` and `rdi_platforms`. Lists are one cell separated by `;`; an actor's member
counts are the columns `members.smes`, `members.large_companies`, `members.research_orgs`
and `members.public_bodies`. As in a JSON record, a column left out keeps the stored value
and an empty cell clears it. The rows become the JSON document the import service checks;
every problem is reported as `sheet/row/column` (rows counted as the spreadsheet shows
them, header = 1).
"""

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from sqlmodel import Session

from app.errors import FieldError, InvalidPayload
from app.transfer.schemas import ImportReport
from app.transfer.service import Progress, import_document, parse_document

LIST_SEPARATOR = ";"
MEMBER_COUNTS = ("smes", "large_companies", "research_orgs", "public_bodies")
ACTOR_COLUMNS = (
    "id",
    "created_at",
    "external_id",
    "name",
    "region_code",
    "description",
    "themes",
    "nace_codes",
    "technologies",
    "offers",
    "seeks",
    *(f"members.{name}" for name in MEMBER_COUNTS),
    "website",
)
# Column order of each sheet as export writes it; import accepts any order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("code", "name", "local_name", "s3_platform_member"),
    "s3_priorities": ("region_code", "title", "description", "themes", "nace_codes"),
    "clusters": ACTOR_COLUMNS,
    "rdi_platforms": ACTOR_COLUMNS,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "regions": ("code",),
    "s3_priorities": ("region_code", "title"),
    "clusters": (),
    "rdi_platforms": (),
}
# Server-filled columns an export may carry for the reader; import leaves them out. (An
# actor's `id` and `created_at` are its key when it has no external_id: they are read.)
READ_ONLY = {"kind", "version", "updated_at", "country_code", "level", "parent_code"}
LIST_COLUMNS = {"themes", "nace_codes", "technologies", "offers", "seeks"}
COUNT_COLUMNS = {f"members.{name}" for name in MEMBER_COUNTS}
BOOLEAN_COLUMNS = {"s3_platform_member"}
WHOLE_NUMBER_COLUMNS = {"id"}
# A priority is a whole value inside its region: an empty cell there is the default.
KEEP_BLANK_AS_DEFAULT = {"s3_priorities", "regions.code"}
_TRUE = {"true", "yes", "ja", "1", "x"}
_FALSE = {"false", "no", "nej", "0"}
HEADER_ROW = 1


@dataclass
class Sheet:
    """One sheet or CSV file: its header and its rows (numbered as the spreadsheet shows)."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Any]]]


@dataclass
class Origins:
    """Where each record of a document came from, to name rows in the service's errors."""

    rows: dict[str, list[int]] = field(default_factory=dict)
    priority_rows: dict[tuple[int, int], int] = field(default_factory=dict)

    def relocated(self, exc: InvalidPayload) -> InvalidPayload:
        """The service's error with each record path turned into the cell it came from."""
        return InvalidPayload.of([self._relocate(e) for e in exc.errors or []])

    def _relocate(self, error: FieldError) -> FieldError:
        located = self.locate(error)
        earlier = error.message.removeprefix("repeats ")
        if earlier != error.message:  # "repeats clusters.1.external_id" names a row too
            where = self.locate(FieldError(field=earlier, message="")).field
            located = FieldError(field=located.field, message=f"repeats {where}")
        return located

    def locate(self, error: FieldError) -> FieldError:
        """`clusters.3.nace_codes.0` -> `clusters/6/nace_codes`, as the sheet shows it."""
        match = re.fullmatch(r"(\w+)\.(\d+)(?:\.(.*))?", error.field)
        if not match or match[1] not in self.rows:
            return error
        sheet, index, rest = match[1], int(match[2]), match[3] or ""
        priority = re.fullmatch(r"s3_priorities\.(\d+)(?:\.(.*))?", rest)
        if sheet == "regions" and priority:
            row = self.priority_rows.get((index, int(priority[1])))
            if row is not None:
                column = _column_of(priority[2] or "")
                return FieldError(field=f"s3_priorities/{row}/{column}", message=error.message)
        rows = self.rows[sheet]
        if index >= len(rows):
            return error
        return FieldError(field=f"{sheet}/{rows[index]}/{_column_of(rest)}", message=error.message)


def _column_of(path: str) -> str:
    """A record's field path as its column: `nace_codes.0` -> `nace_codes`,
    `members.smes` stays, `repeats clusters.1.external_id` keeps its own words."""
    parts = path.split(".") if path else []
    if parts[:1] == ["members"] and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0] if parts else "row"


# Reading ------------------------------------------------------------------------------


def read_xlsx(data: bytes) -> list[Sheet]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        problem = FieldError(field="file", message=f"not an XLSX workbook: {exc}")
        raise InvalidPayload.of([problem]) from exc
    sheets = []
    for worksheet in book.worksheets:
        rows = worksheet.iter_rows(values_only=True)
        header = [_header(cell) for cell in next(rows, ())]
        numbered = [(number, list(values)) for number, values in enumerate(rows, HEADER_ROW + 1)]
        sheets.append(Sheet(worksheet.title, header, numbered))
    book.close()
    return sheets


def read_csv(name: str, data: bytes) -> Sheet:
    """A CSV file is one sheet, named by the file (`clusters.csv` is the clusters sheet)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidPayload.of([FieldError(field=name, message=f"not UTF-8 text: {exc}")]) from exc
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):  # one column, or nothing: the default reads it
        dialect = csv.Sniffer().sniff(text.partition("\n")[0], delimiters=",;\t")
    lines = list(csv.reader(io.StringIO(text), dialect))
    header = [_header(cell) for cell in (lines[0] if lines else [])]
    rows = [(number, list(values)) for number, values in enumerate(lines[1:], HEADER_ROW + 1)]
    return Sheet(name, header, rows)


def read_files(files: Iterable[tuple[str, bytes]]) -> list[Sheet]:
    """Sheets from XLSX workbooks and CSV files, given as (file name, content)."""
    sheets: list[Sheet] = []
    for name, data in files:
        if name.lower().endswith(".csv"):
            sheets.append(read_csv(re.sub(r"(?i)\.csv$", "", name.rsplit("/", 1)[-1]), data))
        else:
            sheets += read_xlsx(data)
    return sheets


def _header(cell: Any) -> str:
    return str(cell).strip() if cell is not None else ""


@dataclass
class ReadSheets:
    """What the sheets hold: the import document (as JSON would give it), where each of its
    records came from, and the cells that could not be read (then nothing is written)."""

    raw: dict[str, list[dict[str, Any]]]
    origins: Origins
    errors: list[FieldError]

    def total(self) -> int:
        return sum(len(records) for records in self.raw.values())


def to_document(sheets: Iterable[Sheet]) -> ReadSheets:
    """The import document the sheets describe; a sheet or header it cannot read is a 422."""
    by_name: dict[str, Sheet] = {}
    errors: list[FieldError] = []
    for sheet in sheets:
        if sheet.name not in COLUMNS:
            known = ", ".join(COLUMNS)
            errors.append(_error(sheet.name, HEADER_ROW, "sheet", f"unknown sheet; use {known}"))
        elif sheet.name in by_name:
            errors.append(_error(sheet.name, HEADER_ROW, "sheet", "given twice"))
        else:
            errors += _header_errors(sheet)
            by_name[sheet.name] = sheet
    if errors:
        raise InvalidPayload.of(errors)

    origins = Origins()
    raw: dict[str, list[dict[str, Any]]] = {}
    for name in ("regions", "clusters", "rdi_platforms", "s3_priorities"):
        raw[name], origins.rows[name], sheet_errors = _records(by_name.get(name))
        errors += sheet_errors
    priorities = raw.pop("s3_priorities")
    if "s3_priorities" in by_name:
        errors += _attach_priorities(raw["regions"], priorities, origins)
    return ReadSheets({k: v for k, v in raw.items() if k in by_name}, origins, errors)


def import_sheets(
    session: Session, read: ReadSheets, progress: Progress = lambda _n: None
) -> ImportReport:
    """Import what the sheets hold, all or nothing: the import service checks every record
    (the cells that could not be read left out), and every problem names its cell."""
    try:
        checked = parse_document(session, read.raw)
    except InvalidPayload as exc:
        found = read.origins.relocated(exc).errors or []
    else:
        found = []
    unreadable = {e.field for e in read.errors}
    errors = read.errors + [e for e in found if e.field not in unreadable]
    if errors:
        unique = {(e.field, e.message): e for e in errors}.values()
        raise InvalidPayload.of(sorted(unique, key=_reading_order))
    return import_document(session, checked, progress)


def _reading_order(error: FieldError) -> tuple[int, int, str]:
    sheet, _, rest = error.field.partition("/")
    row, _, column = rest.partition("/")
    order = list(COLUMNS)
    number = int(row) if row.isdigit() else 0
    return (order.index(sheet) if sheet in order else len(order), number, column)


def _code(record: dict[str, Any]) -> str:
    return str(record.get("code") or record.get("region_code") or "").strip().upper()


def _header_errors(sheet: Sheet) -> list[FieldError]:
    allowed = set(COLUMNS[sheet.name]) | READ_ONLY
    errors = []
    seen: set[str] = set()
    for position, column in enumerate(sheet.header, 1):
        if not column:
            continue
        if column not in allowed:
            message = f"unknown column (column {position}); use {', '.join(COLUMNS[sheet.name])}"
            errors.append(_error(sheet.name, HEADER_ROW, column, message))
        elif column in seen:
            errors.append(_error(sheet.name, HEADER_ROW, column, "column given twice"))
        seen.add(column)
    errors += [
        _error(sheet.name, HEADER_ROW, column, "missing column")
        for column in REQUIRED[sheet.name]
        if column not in seen
    ]
    return errors


def _records(sheet: Sheet | None) -> tuple[list[dict[str, Any]], list[int], list[FieldError]]:
    """Each non-empty row as a record with its row number; a cell that cannot be read is
    left out of its record and named."""
    if sheet is None:
        return [], [], []
    records, numbers, errors = [], [], []
    for number, values in sheet.rows:
        if all(_blank(v) for v in values):
            continue
        record, cell_errors = _row_record(sheet, number, values)
        records.append(record)
        numbers.append(number)
        errors += cell_errors
    return records, numbers, errors


def _row_record(
    sheet: Sheet, number: int, values: list[Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    record: dict[str, Any] = {}
    errors = []
    cells = dict(zip(sheet.header, values, strict=False))
    for column in sheet.header:
        if not column or column in READ_ONLY:
            continue
        value = cells.get(column)
        if _blank(value) and (
            sheet.name in KEEP_BLANK_AS_DEFAULT
            or f"{sheet.name}.{column}" in KEEP_BLANK_AS_DEFAULT
            or column in WHOLE_NUMBER_COLUMNS | {"created_at", "region_code"}
        ):
            continue  # a key or a part of a priority: empty is "not given"
        try:
            converted = _cell_value(column, value)
        except ValueError as exc:
            errors.append(_error(sheet.name, number, column, str(exc)))
            continue
        if column in COUNT_COLUMNS:
            record.setdefault("members", {})[column.removeprefix("members.")] = converted
        else:
            record[column] = converted
    return record, errors


def _cell_value(column: str, value: Any) -> Any:
    """A cell as the JSON field: an empty cell is null (an empty list, a count of 0)."""
    if column in LIST_COLUMNS:
        text = "" if _blank(value) else _text(value)
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    if column in COUNT_COLUMNS:
        return 0 if _blank(value) else _count(value)
    if _blank(value):
        return None
    if column in BOOLEAN_COLUMNS:
        return _boolean(value)
    if column in WHOLE_NUMBER_COLUMNS:
        return _count(value)
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as a number: 62.0 is "62"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value).strip()


def _count(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{value} is not a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | str) and re.fullmatch(r"\s*\d+(?:\.0*)?\s*", str(value)):
        number = int(float(value))
    else:
        raise ValueError(f"'{value}' is not a whole number")
    if number < 0:
        raise ValueError(f"{number} is below 0")
    return number


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(value).lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"'{value}' is not true or false")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _attach_priorities(
    regions: list[dict[str, Any]], priorities: list[dict[str, Any]], origins: Origins
) -> list[FieldError]:
    """Put each priority row under its region, in sheet order: the sheet replaces the
    priorities of every region in the regions sheet (one without rows then has none)."""
    position = {_code(r): i for i, r in enumerate(regions)}
    for region in regions:
        region["s3_priorities"] = []
    errors = []
    for priority, number in zip(priorities, origins.rows["s3_priorities"], strict=True):
        code = _code(priority)
        priority.pop("region_code", None)
        index = position.get(code)
        if index is None:
            message = f"'{code}' is not in the regions sheet"
            errors.append(_error("s3_priorities", number, "region_code", message))
            continue
        listed = regions[index]["s3_priorities"]
        origins.priority_rows[(index, len(listed))] = number
        listed.append(priority)
    return errors


def _error(sheet: str, row: int, column: str, message: str) -> FieldError:
    return FieldError(field=f"{sheet}/{row}/{column}", message=message)


# Writing ------------------------------------------------------------------------------


def sheet_rows(doc: dict[str, Any]) -> Iterator[tuple[str, list[str], list[list[Any]]]]:
    """(sheet, header, rows) for an exported document (the JSON `export` writes)."""
    regions = doc.get("regions", [])
    yield "regions", list(COLUMNS["regions"]), [_row(r, COLUMNS["regions"]) for r in regions]
    priorities = [
        _row({**p, "region_code": r["code"]}, COLUMNS["s3_priorities"])
        for r in regions
        for p in r.get("s3_priorities", [])
    ]
    yield "s3_priorities", list(COLUMNS["s3_priorities"]), priorities
    for section in ("clusters", "rdi_platforms"):
        actors = doc.get(section, [])
        keys = {"id", "created_at"} - {k for a in actors for k in a}
        header = [c for c in ACTOR_COLUMNS if c not in keys]
        yield section, header, [_row(a, header) for a in actors]


def _row(record: dict[str, Any], header: Iterable[str]) -> list[Any]:
    out = []
    for column in header:
        if column in COUNT_COLUMNS:
            value = (record.get("members") or {}).get(column.removeprefix("members."), 0)
        else:
            value = record.get(column)
        if isinstance(value, list):
            value = f"{LIST_SEPARATOR} ".join(str(v) for v in value)
        out.append("" if value is None else value)
    return out


def write_xlsx(doc: dict[str, Any]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header, rows in sheet_rows(doc):
        worksheet = book.create_sheet(name)
        worksheet.append(header)
        for cell in worksheet[HEADER_ROW]:
            cell.font = Font(bold=True)
        for row in rows:
            worksheet.append(row)
        for column_cells in worksheet.iter_cols(min_row=1, max_row=1):
            _text_format(worksheet, column_cells[0])
        worksheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_format(worksheet: Any, header_cell: Cell) -> None:
    """Codes stay text in a spreadsheet program (NACE 26.10 must not become 26.1)."""
    if header_cell.value in {"code", "region_code", "nace_codes", "external_id"}:
        for (cell,) in worksheet.iter_rows(
            min_row=2, min_col=header_cell.column, max_col=header_cell.column
        ):
            cell.number_format = "@"
        worksheet.column_dimensions[header_cell.column_letter].width = 14
    elif header_cell.value in {"name", "description", "title"}:
        worksheet.column_dimensions[header_cell.column_letter].width = 40


def write_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
