"""The standard places followup keeps its files (platformdirs), in one module.

- config: ``$FOLLOWUP_CONFIG`` names the file; else ``<user config dir>/followup/config.toml``.
- data (the SQLite store): systemd's ``$STATE_DIRECTORY`` when the service runs with ``StateDirectory=``,
  else the platform user data dir.
- state (logs, locks): ``$STATE_DIRECTORY`` too, else the platform user state dir.

Nothing here creates a directory; callers that write do so (the store makes its parent 0700).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "followup"
CONFIG_ENV = "FOLLOWUP_CONFIG"
CONFIG_FILE = "config.toml"
STORE_FILE = "followup.sqlite"


def _systemd_state_dir() -> Path | None:
    # systemd sets STATE_DIRECTORY to one or more absolute paths separated by ":"
    value = os.environ.get("STATE_DIRECTORY", "")
    first = value.split(":")[0].strip()
    return Path(first) if first else None


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP))


def default_config_path() -> Path:
    return config_dir() / CONFIG_FILE


def data_dir() -> Path:
    return _systemd_state_dir() or Path(platformdirs.user_data_dir(APP))


def state_dir() -> Path:
    return _systemd_state_dir() or Path(platformdirs.user_state_dir(APP))


def default_store_path() -> Path:
    return data_dir() / STORE_FILE


def default_templates_dir() -> Path:
    return config_dir() / "templates"
