"""Access to the labelled scenario corpus in ../shared/corpus (absent in a user's clone: tests skip)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path | None:
    """The ../shared folder beside the repo, or $FOLLOWUP_SHARED, or None when absent."""
    env = os.environ.get("FOLLOWUP_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared"]:
        if (cand / "corpus").is_dir():
            return cand
    return None


@dataclass(frozen=True)
class Scenario:
    name: str
    path: Path
    data: dict[str, Any]

    @property
    def user(self) -> dict[str, str]:
        return self.data["user"]

    @property
    def labels(self) -> list[dict[str, Any]]:
        return self.data.get("labels", [])

    @property
    def steps(self) -> list[dict[str, Any]]:
        return self.data.get("steps", [])

    def raw(self, rel: str) -> bytes:
        return (self.path / rel).read_bytes()


def scenarios(split: str = "dev") -> list[Scenario]:
    root = shared_dir()
    if root is None:
        return []
    out = []
    for d in sorted((root / "corpus" / split).iterdir()):
        if (d / "scenario.toml").is_file():
            out.append(Scenario(d.name, d, tomllib.loads((d / "scenario.toml").read_text("utf-8"))))
    return out
