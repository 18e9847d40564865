import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.errors import InvalidPayload
from app.transfer.service import export_document, import_document, parse_document
from tests.conftest import with_session

runner = CliRunner()


def _doc(**sections: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "regions": [
            {
                "code": "SE22",
                "name": "South Sweden",
                "s3_priorities": [{"title": "Food", "themes": ["food"]}],
            },
            {"code": "SE23"},
        ],
        "clusters": [
            {
                "name": "Food cluster",
                "region_code": "SE22",
                "themes": ["food"],
                "external_id": "c-1",
            },
            {
                "name": "Textile cluster",
                "region_code": "SE23",
                "themes": ["textiles"],
                "external_id": "c-2",
            },
        ],
        "rdi_platforms": [
            {
                "name": "Food lab",
                "region_code": "SE22",
                "offers": ["testbed"],
                "external_id": "r-1",
            },
        ],
    }
    doc.update(sections)
    return doc


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLUSTERMATCH_DATABASE_URL", database_url)
    from app.config import get_settings

    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def _import(tmp_path: Path, doc: dict[str, Any]) -> Any:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return runner.invoke(cli, ["import", str(path)])


def _counts(url: str) -> tuple[int, int, int]:
    doc = with_session(url, export_document)
    return len(doc["regions"]), len(doc["clusters"]), len(doc["rdi_platforms"])


def test_import_creates_then_updates_by_external_id(cli_env: str, tmp_path: Path) -> None:
    first = _import(tmp_path, _doc())
    assert first.exit_code == 0, first.output
    assert _counts(cli_env) == (2, 2, 1)

    changed = _doc()
    changed["clusters"][0]["description"] = "Nu med förpackningar"
    second = _import(tmp_path, changed)
    assert second.exit_code == 0, second.output
    assert _counts(cli_env) == (2, 2, 1)
    doc = with_session(cli_env, export_document)
    food = next(c for c in doc["clusters"] if c["external_id"] == "c-1")
    textile = next(c for c in doc["clusters"] if c["external_id"] == "c-2")
    assert (food["description"], food["version"]) == ("Nu med förpackningar", 2)
    assert textile["version"] == 1  # unchanged records keep their version


def test_import_with_one_bad_row_writes_nothing(cli_env: str, tmp_path: Path) -> None:
    doc = _doc()
    doc["rdi_platforms"].append(
        {"name": "Bad", "region_code": "SE22", "nace_codes": ["62.01"], "external_id": "r-2"}
    )
    result = _import(tmp_path, doc)
    assert result.exit_code == 1
    assert "rdi_platforms.1.nace_codes.0" in result.output
    assert _counts(cli_env) == (0, 0, 0)


def test_import_reports_every_database_level_error(cli_env: str, tmp_path: Path) -> None:
    doc = _doc()
    doc["clusters"][1]["region_code"] = "SE33"  # a real NUTS code, but not stored nor in the file
    doc["clusters"][1]["themes"] = ["knitting"]
    doc["clusters"].append({"name": "Twin", "region_code": "SE22", "external_id": "c-1"})
    result = _import(tmp_path, doc)
    assert result.exit_code == 1
    for field in ("clusters.1.region_code", "clusters.1.themes.0", "clusters.2.external_id"):
        assert field in result.output
    assert _counts(cli_env) == (0, 0, 0)


def test_import_rejects_a_region_given_twice(cli_env: str, tmp_path: Path) -> None:
    doc = _doc()
    doc["regions"].append({"code": "se22"})
    result = _import(tmp_path, doc)
    assert result.exit_code == 1
    assert "regions.2.code: repeats regions.0.code" in result.output
    assert _counts(cli_env) == (0, 0, 0)


def test_import_rejects_malformed_json(cli_env: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path)])
    assert result.exit_code == 1
    assert "not a JSON document" in result.output


def test_export_round_trips_into_an_empty_database(cli_env: str, tmp_path: Path) -> None:
    assert _import(tmp_path, _doc()).exit_code == 0
    out = tmp_path / "export.json"
    assert runner.invoke(cli, ["export", str(out)]).exit_code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [r["code"] for r in exported["regions"]] == ["SE22", "SE23"]
    assert exported["regions"][0]["s3_priorities"][0]["themes"] == ["food"]
    # Importing the export again is a no-op: everything is matched and unchanged.
    again = runner.invoke(cli, ["import", str(out)])
    assert again.exit_code == 0
    assert _counts(cli_env) == (2, 2, 1)
    assert with_session(cli_env, export_document) == exported


def _without_external_ids(doc: dict[str, Any]) -> dict[str, Any]:
    for section in ("clusters", "rdi_platforms"):
        for actor in doc[section]:
            actor.pop("external_id")
    return doc


def test_export_then_import_into_the_same_database_changes_nothing(
    cli_env: str, tmp_path: Path
) -> None:
    # Actors without an external_id are matched by the id and created_at the export wrote.
    assert _import(tmp_path, _without_external_ids(_doc())).exit_code == 0
    before = with_session(cli_env, export_document)
    out = tmp_path / "export.json"
    for _ in range(2):
        assert runner.invoke(cli, ["export", str(out)]).exit_code == 0
        again = runner.invoke(cli, ["import", str(out)])
        assert again.exit_code == 0, again.output
        assert with_session(cli_env, export_document) == before  # no copies, no new versions

    printed = runner.invoke(cli, ["export", "-"])
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == before


def test_an_id_from_another_database_names_no_actor(cli_env: str, tmp_path: Path) -> None:
    assert _import(tmp_path, _without_external_ids(_doc())).exit_code == 0
    exported = with_session(cli_env, export_document)
    foreign = exported["clusters"][0] | {"name": "Elsewhere", "created_at": "2020-01-01T00:00:00Z"}
    assert _import(tmp_path, {"clusters": [foreign]}).exit_code == 0
    names = sorted(c["name"] for c in with_session(cli_env, export_document)["clusters"])
    assert names == ["Elsewhere", "Food cluster", "Textile cluster"]


def test_an_imported_record_keeps_what_it_leaves_out(cli_env: str, tmp_path: Path) -> None:
    assert _import(tmp_path, _doc()).exit_code == 0
    partial = {
        "regions": [{"code": "SE22", "local_name": "Sydsverige"}],
        "clusters": [{"external_id": "c-1", "description": "Nu med förpackningar"}],
    }
    assert _import(tmp_path, partial).exit_code == 0
    doc = with_session(cli_env, export_document)
    region = doc["regions"][0]
    assert (region["name"], region["local_name"]) == ("South Sweden", "Sydsverige")
    assert region["s3_priorities"][0]["themes"] == ["food"]
    food = next(c for c in doc["clusters"] if c["external_id"] == "c-1")
    assert (food["name"], food["themes"], food["description"]) == (
        "Food cluster",
        ["food"],
        "Nu med förpackningar",
    )


def test_import_names_every_bad_field_of_every_record(cli_env: str, tmp_path: Path) -> None:
    doc = _doc()
    doc["clusters"][0]["region_code"] = "SE99"  # found while parsing
    doc["clusters"][0]["offers"] = ["magic"]  # found against the vocabulary
    doc["clusters"][1]["themes"] = ["nonsense"]
    doc["rdi_platforms"][0]["name"] = ""
    doc["regions"][0]["s3_priorities"][0]["themes"] = ["knitting"]
    result = _import(tmp_path, doc)
    assert result.exit_code == 1
    for field in (
        "clusters.0.region_code",
        "clusters.0.offers.0",
        "clusters.1.themes.0",
        "rdi_platforms.0.name: must not be empty",
        "regions.0.s3_priorities.0.themes.0",
    ):
        assert field in result.output
    assert _counts(cli_env) == (0, 0, 0)


def test_one_external_id_may_name_a_cluster_and_an_rdi_platform(
    cli_env: str, tmp_path: Path
) -> None:
    """external_id is unique per kind: the same key in both sections is two actors, and
    importing the file again matches each to its own."""
    doc = _doc()
    doc["rdi_platforms"][0]["external_id"] = "c-1"
    for _ in range(2):
        assert _import(tmp_path, doc).exit_code == 0
        stored = with_session(cli_env, export_document)
        keys = [(a["kind"], a["external_id"]) for a in stored["clusters"] + stored["rdi_platforms"]]
        assert sorted(keys) == [("cluster", "c-1"), ("cluster", "c-2"), ("rdi_platform", "c-1")]
        assert {a["version"] for a in stored["clusters"] + stored["rdi_platforms"]} == {1}


def test_a_document_of_the_wrong_shape_is_named(cli_env: str, tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    listed = runner.invoke(cli, ["import", str(path)])
    assert listed.exit_code == 1
    assert "\n  document: a JSON object is expected" in listed.output
    section = _import(tmp_path, {"regions": [], "clusters": {"name": "x"}})
    assert section.exit_code == 1
    assert "clusters: must be a list" in section.output
    repeated = _doc()
    repeated["clusters"].append(dict(repeated["clusters"][0]))
    twice = _import(tmp_path, repeated)
    assert "clusters.2.external_id: repeats clusters.0.external_id" in twice.output
    assert _counts(cli_env) == (0, 0, 0)


def test_more_stored_actors_than_one_lookup_takes(cli_env: str, tmp_path: Path) -> None:
    """Stored actors are looked up 500 keys at a time: records past the first chunk, and
    in every chunk, are matched to what is stored, not created again."""
    clusters = [
        {"name": f"Cluster {k}", "region_code": "SE22", "external_id": f"c-{k}"}
        for k in range(1, 1_101)
    ]
    assert _import(tmp_path, _doc(clusters=clusters)).exit_code == 0
    for k in (1, 700, 1_100):
        clusters[k - 1]["description"] = f"changed {k}"
    again = _import(tmp_path, _doc(clusters=clusters))
    assert again.exit_code == 0, again.output
    stored = {c["external_id"]: c for c in with_session(cli_env, export_document)["clusters"]}
    assert len(stored) == 1_100
    for k in (1, 700, 1_100):
        assert (stored[f"c-{k}"]["description"], stored[f"c-{k}"]["version"]) == (
            f"changed {k}",
            2,
        )
    assert stored["c-2"]["version"] == 1


def test_a_record_creating_an_actor_without_its_name_is_named_once(cli_env: str) -> None:
    doc = _doc()
    del doc["clusters"][0]["name"]
    doc["clusters"][1]["region_code"] = "SE99"  # no NUTS code: found while parsing
    with pytest.raises(InvalidPayload) as raised:
        with_session(cli_env, lambda session: parse_document(session, doc))
    found = [(e.field, e.message) for e in raised.value.errors]
    assert (
        "clusters.0.name",
        "field required: a record that creates an actor needs name and region_code",
    ) in found
    # Found while parsing, and not reported again by the checks against stored data.
    assert [f for f, _ in found].count("clusters.1.region_code") == 1


def test_an_import_reports_its_progress_record_by_record(cli_env: str) -> None:
    steps: list[int] = []

    def run(session: Any) -> None:
        import_document(session, parse_document(session, _doc()), steps.append)

    with_session(cli_env, run)
    assert steps == [1] * 5  # two regions, two clusters, one RDI platform
