"""The dependency direction of docs/architecture.md: the domain is pure, nothing imports the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "followup"
IMPURE = {
    "imapclient",
    "googleapiclient",
    "google",
    "apscheduler",
    "sqlite3",
    "socket",
    "ssl",
    "keyring",
    "subprocess",
    "requests",
    "httplib2",
    "followup.backends",
    "followup.store",
    "followup.services",
    "followup.cli",
    "followup.scheduler",
    "followup.secrets",
    "followup.config",
}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def _hits(mod: str, banned: set[str]) -> bool:
    return any(mod == b or mod.startswith(b + ".") for b in banned)


def test_domain_imports_nothing_that_touches_network_disk_or_edges() -> None:
    bad = []
    for path in sorted((PACKAGE / "domain").glob("*.py")):
        bad += [f"{path.name}: {m}" for m in _imports(path) if _hits(m, IMPURE)]
    assert bad == []


def test_domain_never_reads_the_clock() -> None:
    bad = []
    for path in sorted((PACKAGE / "domain").glob("*.py")):
        text = path.read_text("utf-8")
        for needle in ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow("):
            if needle in text:
                bad.append(f"{path.name}: {needle}")
    assert bad == []


def test_nothing_imports_the_cli() -> None:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in {"cli.py", "demo.py"}:
            continue
        bad += [f"{path.name}" for m in _imports(path) if _hits(m, {"followup.cli"})]
    assert bad == []
