"""The scripts a newcomer runs: `scripts/serve` installs only when pyproject.toml changed."""

import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).parent.parent


def fake_project(root: Path) -> Path:
    """scripts/serve beside a pyproject.toml and a virtualenv whose pip and clustermatch
    only record that they ran."""
    (root / "scripts").mkdir()
    shutil.copy(PROJECT_ROOT / "scripts" / "serve", root / "scripts" / "serve")
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n')
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    calls = root / "calls.log"
    (bin_dir / "python").write_text(
        "#!/usr/bin/env bash\n"
        f'if [ "$1 $2" = "-m pip" ]; then echo pip >>"{calls}"; exit 0; fi\n'
        f'exec "{sys.executable}" "$@"\n'
    )
    (bin_dir / "clustermatch").write_text(f'#!/usr/bin/env bash\necho "$*" >>"{calls}"\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return calls


def serve(root: Path) -> None:
    subprocess.run([str(root / "scripts" / "serve"), "--port", "9"], check=True, timeout=60)


def test_serve_reinstalls_only_when_pyproject_changes(tmp_path: Path) -> None:
    calls = fake_project(tmp_path)
    serve(tmp_path)
    serve(tmp_path)
    assert calls.read_text().splitlines() == ["pip", "serve --port 9", "serve --port 9"]
    with open(tmp_path / "pyproject.toml", "a") as pyproject:
        pyproject.write('dependencies = ["httpx"]\n')
    serve(tmp_path)
    assert calls.read_text().splitlines()[3:] == ["pip", "serve --port 9"]
