"""Import from files, whatever their format: one JSON document, or XLSX workbooks and CSV
files. The command line and the explorer's upload both come through here."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.errors import FieldError, InvalidPayload
from app.transfer import spreadsheet
from app.transfer.schemas import ImportReport
from app.transfer.service import ACTOR_SECTIONS, Progress, import_document, parse_document

SHEET_SUFFIXES = (".xlsx", ".csv")


@dataclass
class ImportFiles:
    """What was read: a JSON document (checked in the transaction), or the sheets."""

    raw: Any = None
    sheets: spreadsheet.ReadSheets | None = None

    def total(self) -> int:
        """How many records, for a progress bar (before they are checked)."""
        if self.sheets is not None:
            return self.sheets.total()
        if not isinstance(self.raw, dict):
            return 0
        sections = ("regions", *ACTOR_SECTIONS)
        return sum(len(v) for k in sections if isinstance(v := self.raw.get(k), list))


def read(files: Sequence[tuple[str, bytes]]) -> ImportFiles:
    """(file name, content) pairs; a file that cannot be read is a 422 naming it."""
    names = [name.lower() for name, _data in files]
    if not files:
        raise InvalidPayload.of([FieldError(field="files", message="give at least one file")])
    if len(files) == 1 and names[0].endswith(".json"):
        name, data = files[0]
        try:
            return ImportFiles(raw=json.loads(data.decode("utf-8")))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            message = f"not a JSON document: {exc}"
            raise InvalidPayload.of([FieldError(field=name, message=message)]) from exc
    if not all(n.endswith(SHEET_SUFFIXES) for n in names):
        message = "give one .json file, or .xlsx and .csv files"
        raise InvalidPayload.of([FieldError(field="files", message=message)])
    return ImportFiles(sheets=spreadsheet.to_document(spreadsheet.read_files(files)))


def import_files(
    session: Session,
    found: ImportFiles,
    *,
    dry_run: bool,
    progress: Progress = lambda _n: None,
) -> ImportReport:
    """All or nothing; a dry run counts what would change and rolls every change back."""
    if found.sheets is not None:
        report = spreadsheet.import_sheets(session, found.sheets, progress)
    else:
        report = import_document(session, parse_document(session, found.raw), progress)
    if dry_run:
        session.rollback()
    return report
