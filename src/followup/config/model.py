"""The loaded configuration: frozen values the CLI and services read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from followup.domain.model import Identity
from followup.domain.settings import PolicySettings
from followup.errors import ConfigError


def _empty_map() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class AccountConfig:
    name: str
    backend: str  # "imap" | "gmail"
    host: str = ""
    port: int = 993
    security: str = "tls"  # tls | starttls | plain (plain: loopback hosts only)
    username: str = ""
    password_command: str = ""  # shell command printing the secret
    auth: str = "password"  # "password" | "xoauth2"
    ca_file: str = ""  # PEM bundle for self-signed servers ("" = the system's CAs)
    folders: Mapping[str, str] = field(default_factory=_empty_map, hash=False)  # inbox/sent/drafts -> name
    lookback_days: int = 180
    timeout_seconds: float = 60.0
    max_message_bytes: int = 5_000_000  # bigger messages: headers only
    batch_size: int = 200
    client_secrets: str = ""  # gmail: path to the OAuth client secrets JSON


@dataclass(frozen=True)
class ScheduleConfig:
    scan_every_minutes: float = 15
    jitter_seconds: float = 60
    digest: str = "mon 08:00"  # "<weekday> HH:MM" in the user's time zone, or "off"
    idle: bool = False


@dataclass(frozen=True)
class Config:
    path: Path | None
    identity: Identity
    accounts: tuple[AccountConfig, ...]
    policy: PolicySettings
    schedule: ScheduleConfig
    store_path: Path
    templates_dir: Path | None  # the user's draft template overrides, None for the built-in ones
    log_level: str = "INFO"

    def account(self, name: str) -> AccountConfig:
        for acc in self.accounts:
            if acc.name == name:
                return acc
        known = ", ".join(repr(a.name) for a in self.accounts) or "none configured"
        where = f" in {self.path}" if self.path else ""
        raise ConfigError(f"no account named {name!r}{where} (accounts: {known})")
