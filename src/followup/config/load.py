"""Finding, reading and validating the config file: every problem reported at once, by key path."""

from __future__ import annotations

import difflib
import ipaddress
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup import paths
from followup.config.model import AccountConfig, Config, ScheduleConfig
from followup.config.schema import (
    ACCOUNTS,
    BOOL,
    FLOAT,
    INT,
    INT_LIST,
    SECTION_BY_NAME,
    STR,
    STR_LIST,
    STR_MAP,
    Key,
    Section,
)
from followup.config.starter import local_timezone
from followup.domain.model import Identity
from followup.domain.settings import PolicySettings
from followup.errors import ConfigError

ACCOUNT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
DIGEST = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)\s+([01]?\d|2[0-3]):([0-5]\d)$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
SECRET_WORDS = ("password", "passwd", "secret", "token", "app_password")


log = logging.getLogger("followup.config")


def find_config_path(cli_path: str | None) -> Path:
    """``--config``, else ``$FOLLOWUP_CONFIG``, else ``<user config dir>/followup/config.toml``."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get(paths.CONFIG_ENV, "")
    if env:
        return Path(env).expanduser()
    return paths.default_config_path()


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no config file at {path}: run `followup init` to write one, "
            f"or point --config or ${paths.CONFIG_ENV} at yours"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from e
    return parse_config(text, path)


def parse_config(text: str, path: Path | None = None) -> Config:
    where = str(path) if path else "<config>"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config file {where} is not valid TOML: {e}") from None
    checker = _Checker(base_dir=path.parent if path else Path.cwd())
    config = checker.config(data, path)
    if checker.problems:
        listing = "\n".join(f"  - {p}" for p in checker.problems)
        n = len(checker.problems)
        raise ConfigError(f"config file {where} has {n} problem{'s' if n > 1 else ''}:\n{listing}")
    assert config is not None
    for warning in checker.warnings:
        log.warning("config file %s: %s", where, warning)
    return config


def _describe(value: Any) -> str:
    kind = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
    shown = repr(value) if not isinstance(value, dict | list) else ""
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({kind})" if shown else kind


def _did_you_mean(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else f" (known: {', '.join(candidates)})"


@dataclass
class _Checker:
    base_dir: Path
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def warning(self, where: str, text: str) -> None:
        self.warnings.append(f"{where}: {text}")

    # ---- generic, schema-driven ----------------------------------------------------------------
    def table(self, section: Section, raw: Any, where: str) -> dict[str, Any]:
        """Type-checked values of one table; problems recorded; missing keys left out."""
        if not isinstance(raw, dict):
            self.problem(where, f"expected a table, got {_describe(raw)}")
            return {}
        out: dict[str, Any] = {}
        names = [k.name for k in section.keys]
        for name, value in raw.items():
            key = section.key(name)
            if key is None:
                if name.lower() in SECRET_WORDS:
                    hint = " (secrets never go in the config: use password_command or `followup auth`)"
                    self.problem(f"{where}.{name}", "unknown key" + hint)
                else:  # a newer or misspelt key: said plainly, but not fatal
                    self.warning(f"{where}.{name}", "unknown key, ignored" + _did_you_mean(name, names))
                continue
            checked = self.value(key, value, f"{where}.{name}")
            if checked is not None:
                out[name] = checked
        for key in section.keys:
            if key.required and key.name not in raw:
                self.problem(f"{where}.{key.name}", f"missing; expected {key.expected()}")
        return out

    def value(self, key: Key, value: Any, where: str) -> Any:
        bad = f"expected {key.expected()}, got {_describe(value)}"
        if key.kind in (STR_LIST, INT_LIST):
            if not isinstance(value, list):
                self.problem(where, bad)
                return None
            item_kind = STR if key.kind == STR_LIST else INT
            items = [self.scalar(key, item_kind, v, f"{where}[{i}]") for i, v in enumerate(value)]
            return None if any(i is None for i in items) else items
        if key.kind == STR_MAP:
            if not isinstance(value, dict):
                self.problem(where, bad)
                return None
            ok = True
            for k, v in value.items():
                if key.choices and k not in key.choices:
                    self.problem(f"{where}.{k}", "unknown key" + _did_you_mean(k, list(key.choices)))
                    ok = False
                elif not isinstance(v, str) or not v:
                    self.problem(f"{where}.{k}", f"expected a non-empty string, got {_describe(v)}")
                    ok = False
            return dict(value) if ok else None
        return self.scalar(key, key.kind, value, where)

    def scalar(self, key: Key, kind: str, value: Any, where: str) -> Any:
        bad = f"expected {key.expected()}, got {_describe(value)}"
        if kind == BOOL:
            ok = isinstance(value, bool)
        elif kind == INT:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == FLOAT:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        else:
            ok = isinstance(value, str)
        if not ok:
            self.problem(where, bad)
            return None
        if kind == STR and key.choices:
            match = next((c for c in key.choices if c.lower() == value.lower()), None)
            if match is None:
                self.problem(where, bad)
            return match
        if kind in (INT, FLOAT):
            if (
                (key.min is not None and value < key.min)
                or (key.max is not None and value > key.max)
                or (key.above is not None and value <= key.above)
            ):
                self.problem(where, bad)
                return None
        return value

    # ---- the config, section by section ----------------------------------------------------------
    def config(self, data: dict[str, Any], path: Path | None) -> Config | None:
        for name in data:
            if name not in SECTION_BY_NAME:
                self.warning(name, "unknown section, ignored" + _did_you_mean(name, list(SECTION_BY_NAME)))

        def section(name: str) -> dict[str, Any]:
            return self.table(SECTION_BY_NAME[name], data.get(name, {}), name)

        identity = self.identity(section("identity"), "identity" in data)
        policy_vals = section("policy")
        policy_args: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in policy_vals.items()
        }
        policy = PolicySettings(**policy_args)
        if "mute_keyword" in policy_vals and not re.fullmatch(r"[A-Za-z0-9$_.\-]+", policy.mute_keyword):
            self.problem("policy.mute_keyword", "expected letters, digits and . _ - $ only (an IMAP keyword)")
        accounts = self.accounts(data.get("accounts", []), policy.lookback_days)
        if accounts and not identity.addresses:
            self.problem(
                "identity.addresses", "expected at least one address of yours once an account is set"
            )
        schedule = self.schedule(section("schedule"))
        store_vals = section("store")
        store_path = self.path_of(store_vals.get("path", "")) or paths.default_store_path()
        tpl_vals = section("templates")
        templates_dir = self.path_of(tpl_vals.get("dir", ""))
        if templates_dir is not None and not templates_dir.is_dir():
            self.problem("templates.dir", f"no such folder: {templates_dir}")
        if templates_dir is None and paths.default_templates_dir().is_dir():
            templates_dir = paths.default_templates_dir()
        level = section("logging").get("level", "INFO")
        if self.problems:
            return None
        return Config(path, identity, accounts, policy, schedule, store_path, templates_dir, level)

    def path_of(self, text: str) -> Path | None:
        if not text:
            return None
        p = Path(text).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    def identity(self, vals: dict[str, Any], present: bool) -> Identity:
        if not present:
            self.problem("identity", "missing section; expected [identity] with name, addresses, timezone")
        tz = vals.get("timezone", "")
        if not tz:
            tz = local_timezone()
            self.warning("identity.timezone", f"not set; using this machine's zone {tz}")
        else:
            try:
                ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError):
                self.problem(
                    "identity.timezone", f'expected an IANA time zone such as "Europe/Berlin", got {tz!r}'
                )
        addresses: list[str] = []
        for i, a in enumerate(vals.get("addresses", [])):
            if not EMAIL.match(a):
                self.problem(f"identity.addresses[{i}]", f"expected an email address, got {a!r}")
            elif a.lower() not in addresses:
                addresses.append(a.lower())
        return Identity(vals.get("name", ""), tuple(addresses), tz)

    def accounts(self, raw: Any, lookback_default: int) -> tuple[AccountConfig, ...]:
        if not isinstance(raw, list) or not all(isinstance(a, dict) for a in raw):
            self.problem("accounts", "expected an array of tables: write each account as [[accounts]]")
            return ()
        out: list[AccountConfig] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(raw):
            where = f"accounts[{i}]"
            vals = self.table(ACCOUNTS, item, where)
            name = vals.get("name", "")
            if name and not ACCOUNT_NAME.match(name):
                self.problem(f"{where}.name", f"expected letters, digits and . _ - (up to 64), got {name!r}")
            if name in seen:
                self.problem(
                    f"{where}.name", f"duplicate account name {name!r} (also accounts[{seen[name]}])"
                )
            seen.setdefault(name, i)
            acc = self.account(vals, where, lookback_default)
            if acc is not None:
                out.append(acc)
        return tuple(out)

    def account(self, vals: dict[str, Any], where: str, lookback_default: int) -> AccountConfig | None:
        backend = vals.get("backend", "")
        security = vals.get("security", "tls")
        host = vals.get("host", "")
        if backend == "imap":
            for needed in ("host", "username"):
                if not vals.get(needed):
                    self.problem(f"{where}.{needed}", "missing; an imap account needs it")
            if security == "plain" and host and not _is_loopback(host):
                self.problem(
                    f"{where}.security",
                    f'"plain" sends your password unencrypted: allowed only to a loopback host, not {host!r} '
                    '(use "tls" or "starttls")',
                )
        ca_file = ""
        if vals.get("ca_file"):
            ca = self.path_of(vals["ca_file"])
            assert ca is not None
            if not ca.is_file():
                self.problem(f"{where}.ca_file", f"no such file: {ca}")
            ca_file = str(ca)
        client_secrets = self.path_of(vals.get("client_secrets", ""))
        if "name" not in vals or "backend" not in vals:
            return None
        port = vals.get("port", 993 if security == "tls" else 143)
        return AccountConfig(
            name=vals["name"],
            backend=backend,
            host=host,
            port=port,
            security=security,
            username=vals.get("username", ""),
            password_command=vals.get("password_command", ""),
            auth=vals.get("auth", "password"),
            ca_file=ca_file,
            folders=MappingProxyType(dict(vals.get("folders", {}))),
            lookback_days=vals.get("lookback_days", lookback_default),
            timeout_seconds=vals.get("timeout_seconds", 60.0),
            max_message_bytes=vals.get("max_message_bytes", 5_000_000),
            batch_size=vals.get("batch_size", 200),
            client_secrets=str(client_secrets) if client_secrets else "",
        )

    def schedule(self, vals: dict[str, Any]) -> ScheduleConfig:
        digest = vals.get("digest", "mon 08:00").strip()
        if digest.lower() == "off":
            digest = "off"
        else:
            m = DIGEST.match(digest)
            if m is None:
                self.problem("schedule.digest", f'expected "<mon..sun> HH:MM" or "off", got {digest!r}')
            else:
                digest = f"{m.group(1).lower()} {int(m.group(2)):02d}:{m.group(3)}"
        return ScheduleConfig(
            scan_every_minutes=vals.get("scan_every_minutes", 15.0),
            jitter_seconds=vals.get("jitter_seconds", 60.0),
            digest=digest,
            idle=vals.get("idle", False),
        )


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
