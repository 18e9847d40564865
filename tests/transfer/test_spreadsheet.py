"""Spreadsheet import and export: XLSX workbooks and CSV files, each cell's problem named."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import get_settings
from app.seed import seed_example_data
from app.transfer import spreadsheet
from app.transfer.service import export_document
from seed_data import load
from tests.conftest import with_session

runner = CliRunner()
SEED_DATA = Path(__file__).parents[2] / "seed_data"


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CLUSTERMATCH_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def _doc() -> dict[str, Any]:
    return {
        "regions": [
            {
                "code": "SE22",
                "name": "South Sweden",
                "s3_platform_member": True,
                "s3_priorities": [
                    {"title": "Food", "themes": ["food"], "nace_codes": ["10", "C"]},
                    {"title": "Life science", "themes": ["life-science"]},
                ],
            },
            {"code": "SE23", "name": "West Sweden"},
        ],
        "clusters": [
            {
                "name": "Food cluster",
                "region_code": "SE22",
                "themes": ["food"],
                "nace_codes": ["10.2"],
                "technologies": ["packaging", "sensors, optical"],
                "offers": ["testbed"],
                "seeks": ["research", "data"],
                "members": {"smes": 40, "large_companies": 2},
                "website": "https://food.example.org",
                "external_id": "c-1",
            }
        ],
        "rdi_platforms": [{"name": "Food lab", "region_code": "SE22", "external_id": "r-1"}],
    }


def _workbook(path: Path, doc: dict[str, Any]) -> Path:
    path.write_bytes(spreadsheet.write_xlsx(doc))
    return path


def _import(*args: str) -> Any:
    return runner.invoke(cli, ["import", *args])


def _outcomes(output: str) -> dict[str, tuple[int, int, int]]:
    """The report table: records -> (created, updated, unchanged)."""
    rows = re.findall(r"(regions|clusters|rdi_platforms)\W+(\d+)\W+(\d+)\W+(\d+)", output)
    return {name: (int(a), int(b), int(c)) for name, a, b, c in rows}


def _errors(output: str) -> set[str]:
    return set(re.findall(r"^\s+(\w+/\d+/[\w.]+): ", output, re.MULTILINE))


def _meaning(record: dict[str, Any]) -> dict[str, Any]:
    """A record as it would be stored: empty values and zero counts left out."""
    out = {k: v for k, v in record.items() if v not in (None, [], "")}
    members = {k: v for k, v in (out.pop("members", None) or {}).items() if v}
    if members:
        out["members"] = members
    if "s3_priorities" in out:
        out["s3_priorities"] = [_meaning(p) for p in out["s3_priorities"]]
    return out


def test_the_example_workbook_holds_the_seed_data() -> None:
    read = spreadsheet.to_document(
        spreadsheet.read_xlsx((SEED_DATA / "example_data.xlsx").read_bytes())
    )
    assert read.errors == []
    seed = load("example_data.json")
    assert set(read.raw) == set(seed)
    for section, records in seed.items():
        assert [_meaning(r) for r in read.raw[section]] == [_meaning(r) for r in records]


def test_a_good_workbook_is_imported(cli_env: str, tmp_path: Path) -> None:
    result = _import(str(_workbook(tmp_path / "good.xlsx", _doc())))
    assert result.exit_code == 0, result.output
    assert _outcomes(result.output) == {
        "regions": (2, 0, 0),
        "clusters": (1, 0, 0),
        "rdi_platforms": (1, 0, 0),
    }
    stored = with_session(cli_env, export_document)
    south = stored["regions"][0]
    assert south["s3_platform_member"] is True
    assert [p["title"] for p in south["s3_priorities"]] == ["Food", "Life science"]
    assert south["s3_priorities"][0]["nace_codes"] == ["10", "C"]
    food = stored["clusters"][0]
    assert food["technologies"] == ["packaging", "sensors, optical"]
    assert food["seeks"] == ["research", "data"]
    assert food["members"] == {
        "smes": 40,
        "large_companies": 2,
        "research_orgs": 0,
        "public_bodies": 0,
    }
    assert food["website"] == "https://food.example.org"
    assert stored["rdi_platforms"][0]["name"] == "Food lab"


def test_a_bad_cell_in_each_column_type_is_named_and_nothing_is_written(
    cli_env: str, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "bad.xlsx", _doc())
    book = openpyxl.load_workbook(path)
    cells = {
        ("regions", "s3_platform_member", 2): "maybe",  # boolean
        ("regions", "code", 3): "SE99",  # a NUTS code
        ("s3_priorities", "title", 3): "",  # required text
        ("s3_priorities", "nace_codes", 2): "10; 62.01",  # a list of NACE codes
        ("clusters", "members.smes", 2): "forty",  # a count
        ("clusters", "website", 2): "not a url",  # a URL
        # Only the database tells these: checked on the rows that are good otherwise.
        ("rdi_platforms", "themes", 2): "food; knitting",  # a vocabulary list
        ("rdi_platforms", "region_code", 2): "SE33",  # a region neither stored nor given
    }
    for (sheet, column, row), value in cells.items():
        worksheet = book[sheet]
        header = [c.value for c in worksheet[1]]
        worksheet.cell(row=row, column=header.index(column) + 1, value=value)
    book.save(path)

    result = _import(str(path))
    assert result.exit_code == 1
    assert _errors(result.output) == {
        "regions/2/s3_platform_member",
        "regions/3/code",
        "s3_priorities/3/title",
        "s3_priorities/2/nace_codes",
        "clusters/2/members.smes",
        "clusters/2/website",
        "clusters/2/region_code",  # SE22, whose own row is bad
        "rdi_platforms/2/themes",
        "rdi_platforms/2/region_code",
    }
    assert "'forty' is not a whole number" in result.output
    assert "'maybe' is not true or false" in result.output
    assert with_session(cli_env, export_document) == {
        "regions": [],
        "clusters": [],
        "rdi_platforms": [],
    }


def test_headers_must_be_known_and_required_columns_present(cli_env: str, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "clusters"
    sheet.append(["name", "colour"])
    sheet.append(["A cluster", "blue"])
    book.create_sheet("notes")
    book.save(tmp_path / "headers.xlsx")
    result = _import(str(tmp_path / "headers.xlsx"))
    assert result.exit_code == 1
    assert _errors(result.output) == {"clusters/1/colour", "notes/1/sheet"}


def test_a_dry_run_counts_what_would_change_and_writes_nothing(
    cli_env: str, tmp_path: Path
) -> None:
    assert _import(str(_workbook(tmp_path / "first.xlsx", _doc()))).exit_code == 0
    before = with_session(cli_env, export_document)
    changed = _doc()
    changed["clusters"][0]["description"] = "Nu med förpackningar"
    changed["clusters"].append({"name": "New cluster", "region_code": "SE23", "external_id": "n"})
    result = _import("--dry-run", str(_workbook(tmp_path / "second.xlsx", changed)))
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output
    assert _outcomes(result.output) == {
        "regions": (0, 0, 2),
        "clusters": (1, 1, 0),
        "rdi_platforms": (0, 0, 1),
    }
    assert with_session(cli_env, export_document) == before


def test_export_then_import_of_the_workbook_changes_nothing(cli_env: str, tmp_path: Path) -> None:
    with_session(cli_env, seed_example_data)
    before = with_session(cli_env, export_document)
    out = tmp_path / "export.xlsx"
    exported = runner.invoke(cli, ["export", "--format", "xlsx", str(out)])
    assert exported.exit_code == 0, exported.output
    assert openpyxl.load_workbook(out).sheetnames == list(spreadsheet.COLUMNS)
    result = _import(str(out))
    assert result.exit_code == 0, result.output
    outcomes = _outcomes(result.output)
    assert {name: counts[:2] for name, counts in outcomes.items()} == {
        "regions": (0, 0),
        "clusters": (0, 0),
        "rdi_platforms": (0, 0),
    }
    assert outcomes["clusters"][2] == len(before["clusters"])
    assert with_session(cli_env, export_document) == before


def test_csv_files_one_per_entity(cli_env: str, tmp_path: Path) -> None:
    (tmp_path / "regions.csv").write_text("code,name\nSE22,South Sweden\n", encoding="utf-8")
    (tmp_path / "clusters.csv").write_text(
        "name;region_code;themes;members.smes\n"
        'Food cluster;SE22;"food; bioeconomy";12\n'
        "Bad cluster;SE22;food;-3\n",
        encoding="utf-8",
    )
    bad = _import(str(tmp_path / "regions.csv"), str(tmp_path / "clusters.csv"))
    assert bad.exit_code == 1
    assert _errors(bad.output) == {"clusters/3/members.smes"}

    lines = (tmp_path / "clusters.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "clusters.csv").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    good = _import(str(tmp_path / "regions.csv"), str(tmp_path / "clusters.csv"))
    assert good.exit_code == 0, good.output
    cluster = with_session(cli_env, export_document)["clusters"][0]
    assert (cluster["themes"], cluster["members"]["smes"]) == (["food", "bioeconomy"], 12)
