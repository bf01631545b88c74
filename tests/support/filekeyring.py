"""A keyring backend for subprocess tests only: a JSON file named by $FOLLOWUP_TEST_KEYRING.

Select it with PYTHON_KEYRING_BACKEND=tests.support.filekeyring.TestFileKeyring. Never for real use:
it stores secrets in plain text, which is exactly what followup refuses to pick on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class TestFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["FOLLOWUP_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        p = self._path()
        return json.loads(p.read_text("utf-8")) if p.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path().write_text(json.dumps(data), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x00{username}", None)
        self._path().write_text(json.dumps(data), "utf-8")
