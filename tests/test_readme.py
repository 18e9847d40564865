"""The README's examples, run: every `sh` block's curl commands, in order, by bash, against
a real `clustermatch serve` on a freshly seeded database, with the README's own `$AUTH`.
Each must answer 2xx; the JSON shown after a command (a `# {...}` comment, or a `json`
block right below) must name only fields the answer has, with the same numbers and flags.
So the examples cannot drift from the service."""

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.live import serve_process

PROJECT_ROOT = Path(__file__).parent.parent
README = PROJECT_ROOT / "README.md"
DOCUMENTED_BASE = "http://127.0.0.1:8000"
# Every curl goes through this: the status, headers and body are kept per command, and the
# body is also printed, so `VAR=$(curl ...)` works as a reader's shell would.
CURL_RECORDER = r"""
curl() {
  local args=() skip=""
  for a in "$@"; do  # the recorder keeps headers and body itself: drop -i and -o FILE
    if [ -n "$skip" ]; then skip=""
    elif [ "$a" = -o ]; then skip=1
    elif [ "$a" != -i ]; then args+=("$a")
    fi
  done
  command curl -sS -D "$RECORD/$CMD.headers" -o "$RECORD/$CMD.body" \
    -w '%{http_code}' "${args[@]}" >"$RECORD/$CMD.status"
  cat "$RECORD/$CMD.body"
}
"""


@dataclass
class Example:
    command: str
    line: int
    notes: list[str] = field(default_factory=list)  # comment lines above it
    shown: list[str] = field(default_factory=list)  # JSON shown as its answer


def blocks(text: str) -> list[tuple[str, str, int, int]]:
    """(language, body, first line, line after the fence) of every fenced block."""
    found = []
    for match in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.S | re.M):
        start = text[: match.start()].count("\n") + 2
        end = text[: match.end()].count("\n") + 1
        found.append((match.group(1), match.group(2), start, end))
    return found


def commands(body: str, first_line: int) -> list[Example]:
    """Shell commands of a block, each with the comments above and after it. A command
    goes on while a line ends in a backslash or a single quote is open."""
    out: list[Example] = []
    notes: list[str] = []
    pending: list[str] = []
    showing = False  # inside a shown answer that goes on over several comment lines
    for offset, line in enumerate(body.splitlines()):
        if not pending and line.lstrip().startswith("#"):
            comment = line.lstrip()[1:].strip()
            if showing:
                out[-1].shown[-1] += "\n" + comment
            elif comment.startswith("{") and out:
                out[-1].shown.append(comment)
            else:
                notes.append(comment)
                continue
            showing = not _balanced(out[-1].shown[-1])
            continue
        showing = False
        if not pending and not line.strip():
            continue
        pending.append(line)
        joined = "\n".join(pending)
        if line.endswith("\\") or not complete(joined):
            continue
        out.append(Example(joined, first_line + offset - len(pending) + 1, notes))
        notes, pending = [], []
    return out


def complete(command: str) -> bool:
    """Whether bash reads `command` as whole: no open quote, loop, pipe or continuation."""
    checked = subprocess.run(["bash", "-n", "-c", command], capture_output=True, text=True)
    return checked.returncode == 0


def _balanced(text: str) -> bool:
    return text.count("{") == text.count("}") and text.count("[") == text.count("]")


def readme_examples(text: str) -> tuple[list[Example], list[str]]:
    """The runnable examples in order, and the JSON blocks that belong to no command."""
    examples: list[Example] = []
    loose: list[str] = []
    last_sh_end = -1
    for language, body, start, end in blocks(text):
        if language == "sh":
            examples += [e for e in commands(body, start) if runnable(e.command)]
            last_sh_end = end
        elif language == "json":
            # Right below a command block (blank lines only between): that command's answer.
            if start - 1 == last_sh_end + 1 or start - 1 == last_sh_end + 2:
                [e for e in examples if "curl" in e.command][-1].shown.append(body)
            else:
                loose.append(body)
    return examples, loose


def runnable(command: str) -> bool:
    """API calls and the variables they use; not servers, test runs or deployments."""
    return (
        "curl" in command
        or (
            command.startswith(("clustermatch ", ".venv/bin/clustermatch "))
            and " serve" not in command  # the server is the one this test started
        )
        or command.startswith("export AUTH=")
        or bool(re.match(r"^[A-Z]+=\$\(", command))
    )


def documented_admin_token(text: str) -> str:
    match = re.search(r"CLUSTERMATCH_ADMIN_TOKEN=(\S+) \./scripts/serve", text)
    assert match, "the README no longer shows how to start with an admin token"
    return match.group(1)


def shown_fields(shown: str) -> tuple[set[str], dict[str, Any]]:
    """Field names in a shown answer, and its top-level numbers, flags and empty lists
    (strings and nested values may be abridged or illustrative)."""
    names = set(re.findall(r'"([a-z_]+)":', shown))
    literals: dict[str, Any] = {}
    depth = 0
    for token in re.finditer(
        r'[{}\[\]]|"([a-z_]+)":\s*(true|false|null|-?\d+(?:\.\d+)?|\[\])', shown
    ):
        if token.group(0) in "{[":
            depth += 1
        elif token.group(0) in "}]":
            depth -= 1
        elif depth == 1:
            literals[token.group(1)] = json.loads(token.group(2))
    return names, literals


def all_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in all_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in all_keys(v)}
    return set()


def test_readme_examples_run_as_documented(database_url: str, tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    examples, loose = readme_examples(text)
    assert len([e for e in examples if "curl" in e.command]) >= 30
    assert any(e.command.startswith("export AUTH=") for e in examples)
    record = tmp_path / "record"
    record.mkdir()
    with serve_process(
        database_url,
        admin_token=documented_admin_token(text),
        seed_on_start="true",
        webhooks_allow_private="true",  # the webhook examples subscribe a local receiver
    ) as (base, _server):
        script = [
            "set -euo pipefail",
            "trap 'echo \"failed: command $CMD\" >&2' ERR",
            CURL_RECORDER,
        ]
        for number, example in enumerate(examples):
            script += [f"CMD={number}", example.command.replace(DOCUMENTED_BASE, base)]
        spec = httpx.get(f"{base}/openapi.json").json()
        result = subprocess.run(
            ["bash", "-c", "\n".join(script)],
            cwd=PROJECT_ROOT,
            env={
                **os.environ,
                "RECORD": str(record),
                "CLUSTERMATCH_DATABASE_URL": database_url,
                # `clustermatch ...` as the README writes it: the installed command.
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            },
            capture_output=True,
            text=True,
            timeout=600,
        )
    failed = re.search(r"failed: command (\d+)", result.stderr)
    where = f"README.md:{examples[int(failed.group(1))].line}: " if failed else ""
    assert result.returncode == 0, where + result.stderr[-2000:]

    checked = 0
    for number, example in enumerate(examples):
        if "curl" not in example.command:
            continue
        where = f"README.md:{example.line}: {example.command.splitlines()[0]}"
        status = int((record / f"{number}.status").read_text())
        body = (record / f"{number}.body").read_text()
        assert 200 <= status < 300, f"{where} answered {status}: {body[:500]}"
        if any("ETag" in note for note in example.notes):
            assert "etag:" in (record / f"{number}.headers").read_text().lower(), where
        for shown in example.shown:
            answer = json.loads(body)
            names, literals = shown_fields(shown)
            assert names <= all_keys(answer), f"{where}: {names - all_keys(answer)} not answered"
            for name, value in literals.items():
                assert answer[name] == value, f"{where}: {name} is {answer[name]!r}, not {value!r}"
            checked += 1
    assert checked >= 4

    # JSON shown beside prose (the error format): every field it names is in the API's schemas.
    spec_fields = {
        name
        for schema in spec["components"]["schemas"].values()
        for name in schema.get("properties", {})
    }
    for shown in loose:
        names, _ = shown_fields(shown)
        assert names and names <= spec_fields, names - spec_fields


def test_the_command_splitter_keeps_quoted_bodies_whole() -> None:
    block = (
        "# Create\n"
        "curl -X PUT http://x/r -H 'A: b' \\\n"
        '  -d \'{"name": "x",\n'
        '       "y": 1}\'\n'
        '# {"eligible": true, "violations": []}\n'
        "curl http://x/s\n"
    )
    first, second = commands(block, 1)
    assert first.command.endswith('"y": 1}\'') and first.notes == ["Create"]
    assert first.shown == ['{"eligible": true, "violations": []}']
    assert second.command == "curl http://x/s" and second.line == 6
    names, literals = shown_fields('{"eligible": true, "violations": [], "budget": {"total": 8}}')
    assert names == {"eligible", "violations", "budget", "total"}
    assert literals == {"eligible": True, "violations": []}
