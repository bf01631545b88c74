"""The one config schema: every section and key, its type, bounds, default and help.

Validation (``load.py``), the commented example (``config/followup.example.toml``, rendered by
``render_example``) and the starter config all read this table, so they cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from followup.domain.settings import PolicySettings

# value kinds a key can take
STR, INT, FLOAT, BOOL, STR_LIST, INT_LIST, STR_MAP = (
    "str",
    "int",
    "float",
    "bool",
    "str_list",
    "int_list",
    "str_map",
)


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    help: str
    default: Any = None  # None: no default (required, or derived in load.py)
    example: Any = None  # value shown in the example file (the default when None)
    required: bool = False
    choices: tuple[str, ...] = ()  # allowed values (STR), allowed keys (STR_MAP)
    min: float | None = None  # inclusive
    max: float | None = None  # inclusive
    above: float | None = None  # exclusive lower bound
    commented: bool = False  # shown commented out in the example (optional, no useful default)

    def expected(self) -> str:
        """What a valid value looks like, in words."""
        if self.choices and self.kind == STR:
            return "one of " + ", ".join(json.dumps(c) for c in self.choices)
        if self.kind == STR_MAP:
            return "a table of strings with keys among " + ", ".join(self.choices)
        base = {
            STR: "a string",
            INT: "an integer",
            FLOAT: "a number",
            BOOL: "true or false",
            STR_LIST: "a list of strings",
            INT_LIST: "a list of integers",
        }[self.kind]
        return base + _bounds(self)


def _bounds(key: Key) -> str:
    lo, hi = key.min, key.max
    fmt = (lambda v: str(int(v))) if key.kind in (INT, INT_LIST) else (lambda v: f"{v:g}")
    if key.above is not None:
        return f" greater than {fmt(key.above)}" + (f" and at most {fmt(hi)}" if hi is not None else "")
    if lo is not None and hi is not None:
        return f" from {fmt(lo)} to {fmt(hi)}"
    if lo is not None:
        return f" of at least {fmt(lo)}"
    if hi is not None:
        return f" of at most {fmt(hi)}"
    return ""


@dataclass(frozen=True)
class Section:
    name: str
    help: str
    keys: tuple[Key, ...]
    array: bool = False  # [[name]]: a list of tables

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


IDENTITY = Section(
    "identity",
    "Who you are. Mail From one of your addresses is yours (thank-yous, follow-ups you sent).",
    (
        Key("name", STR, "your name, used to sign drafts", default="", example="Lena Hartmann"),
        Key(
            "addresses",
            STR_LIST,
            "every address you send from (needed once an account is configured)",
            default=[],
            example=["lena.hartmann@example.net"],
        ),
        Key(
            "timezone",
            STR,
            "your IANA time zone: due times fall at 09:00 here (default: this machine's zone)",
            example="Europe/Berlin",
        ),
    ),
)

ACCOUNT_FOLDER_ROLES = ("inbox", "sent", "drafts")

ACCOUNTS = Section(
    "accounts",
    "One [[accounts]] table per mailbox. Secrets never go here: the system keyring holds them\n"
    "(`followup auth NAME`), or password_command prints them (headless hosts, containers).",
    (
        Key(
            "name", STR, "a short name of your choice (letters, digits, . _ -)", required=True, example="main"
        ),
        Key(
            "backend",
            STR,
            "how to reach the mailbox",
            required=True,
            choices=("imap", "gmail"),
            example="imap",
        ),
        Key("host", STR, "IMAP server (imap backend)", default="", example="imap.example.net"),
        Key(
            "port",
            INT,
            "IMAP port: 993 with tls, 143 with starttls or plain when absent",
            min=1,
            max=65535,
            example=993,
        ),
        Key(
            "security",
            STR,
            "tls (implicit), starttls, or plain (loopback hosts only)",
            default="tls",
            choices=("tls", "starttls", "plain"),
        ),
        Key(
            "username", STR, "IMAP login name (imap backend)", default="", example="lena.hartmann@example.net"
        ),
        Key(
            "password_command",
            STR,
            "a shell command printing the secret; the keyring is used when empty",
            default="",
            example="pass show mail/imap",
            commented=True,
        ),
        Key(
            "auth",
            STR,
            "password (or app password), or xoauth2 (an OAuth token)",
            default="password",
            choices=("password", "xoauth2"),
        ),
        Key(
            "ca_file",
            STR,
            "PEM CA bundle to trust a self-signed server; the system CAs when empty",
            default="",
            example="~/.config/followup/my-server-ca.pem",
            commented=True,
        ),
        Key(
            "folders",
            STR_MAP,
            "folder names, when special-use discovery guesses wrong",
            default={},
            example={"sent": "Sent Items"},
            choices=ACCOUNT_FOLDER_ROLES,
            commented=True,
        ),
        Key(
            "lookback_days",
            INT,
            "first sync reads this many days back (policy.lookback_days when absent)",
            min=1,
            max=36500,
            example=180,
        ),
        Key("timeout_seconds", FLOAT, "network timeout", default=60.0, above=0, max=3600),
        Key(
            "max_message_bytes",
            INT,
            "bigger messages are read by their headers only",
            default=5_000_000,
            min=1024,
        ),
        Key("batch_size", INT, "messages fetched and stored per batch", default=200, min=1, max=5000),
        Key(
            "client_secrets",
            STR,
            "gmail backend: the OAuth client secrets JSON from Google Cloud",
            default="",
            example="~/.config/followup/client_secret.json",
            commented=True,
        ),
    ),
    array=True,
)

STORE = Section(
    "store",
    "Where followup keeps what it learnt (SQLite). Deleting it is safe: it is rebuilt from the mailbox.",
    (
        Key(
            "path",
            STR,
            "the store file; the platform data dir (or $STATE_DIRECTORY) by default",
            default="",
            example="~/.local/state/followup/followup.sqlite",
            commented=True,
        ),
    ),
)

_POLICY_HELP: Mapping[str, tuple[str, dict[str, float]]] = {
    "thank_you_delay_hours": ("a thank-you is due this long after an interview ends", {"min": 0}),
    "thank_you_window_days": ("no thank-you once the interview is further past than this", {"above": 0}),
    "decision_grace_business_days": (
        "business days after a promised decision date before asking",
        {"min": 0, "max": 60},
    ),
    "check_in_days": (
        "days after the last interview or employer word before a check-in (no date promised)",
        {"min": 1},
    ),
    "second_follow_up_days": ("days after your first follow-up before a second one", {"min": 1}),
    "max_follow_ups": (
        "follow-ups (decision_follow_up + check_in) per process, counted as you sent them",
        {"min": 0, "max": 10},
    ),
    "stale_after_days": (
        "days after the last follow-up with no answer before a process is stale",
        {"min": 1},
    ),
    "feedback_delay_days": (
        "days after a rejection (after an interview) before a feedback request",
        {"min": 0},
    ),
    "follow_up_hour": (
        "follow-ups fall at this hour of a business day, your time zone",
        {"min": 0, "max": 23},
    ),
    "business_days": ("business days, Monday = 0 ... Sunday = 6", {"min": 0, "max": 6}),
    "backfill_grace_hours": (
        "first run: actions due longer ago than this are reported, not drafted",
        {"min": 0},
    ),
    "lookback_days": (
        "first sync looks back this many days (per account: accounts.lookback_days)",
        {"min": 1, "max": 36500},
    ),
    "mute_keyword": ("IMAP keyword / Gmail label that mutes a process's messages", {}),
}


def _policy_keys() -> tuple[Key, ...]:
    defaults = PolicySettings()
    keys = []
    for f in fields(PolicySettings):
        value = getattr(defaults, f.name)
        kind = {bool: BOOL, int: INT, float: FLOAT, str: STR, tuple: INT_LIST}[type(value)]
        help_text, bounds = _POLICY_HELP.get(f.name, (f.name.replace("_", " "), {}))
        default = list(value) if isinstance(value, tuple) else value
        keys.append(Key(f.name, kind, help_text, default=default, **bounds))  # type: ignore[arg-type]
    return tuple(keys)


POLICY = Section(
    "policy", "When drafts fall due (design.md's defaults; every number is yours to change).", _policy_keys()
)

SCHEDULE = Section(
    "schedule",
    "The daemon (`followup run`).",
    (
        Key("scan_every_minutes", FLOAT, "minutes between scans", default=15.0, min=0.01, max=1440),
        Key("jitter_seconds", FLOAT, "random delay added to each scan", default=60.0, min=0, max=3600),
        Key(
            "digest",
            STR,
            'weekly digest: "<mon..sun> HH:MM" in your time zone, or "off"',
            default="mon 08:00",
        ),
        Key("idle", BOOL, "also wake on IMAP IDLE between scans", default=False),
    ),
)

LOGGING = Section(
    "logging",
    "Logs never contain message bodies or secrets.",
    (
        Key(
            "level",
            STR,
            "DEBUG, INFO, WARNING or ERROR",
            default="INFO",
            choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        ),
    ),
)

TEMPLATES = Section(
    "templates",
    "Your own draft templates (files named like the built-in ones override them).",
    (
        Key(
            "dir",
            STR,
            "template folder; <config dir>/templates when it exists",
            default="",
            example="~/.config/followup/templates",
            commented=True,
        ),
    ),
)

SECTIONS: tuple[Section, ...] = (IDENTITY, ACCOUNTS, STORE, POLICY, SCHEDULE, LOGGING, TEMPLATES)
SECTION_BY_NAME = {s.name: s for s in SECTIONS}


def toml_value(value: Any) -> str:
    """A TOML literal for a str, bool, int, float, list or flat table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML basic strings
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def _comment(text: str) -> list[str]:
    return ["# " + line if line else "#" for line in text.splitlines()]


def render_section(section: Section, values: Mapping[str, Any] | None = None) -> list[str]:
    """One commented section of the example; ``values`` override the examples."""
    lines = _comment(section.help)
    lines.append(f"[[{section.name}]]" if section.array else f"[{section.name}]")
    for key in section.keys:
        value = (values or {}).get(key.name, key.example if key.example is not None else key.default)
        note = key.help + (" (required)" if key.required else "")
        lines += _comment(note)
        lines.append(("# " if key.commented else "") + f"{key.name} = {toml_value(value)}")
    return lines


def render_example() -> str:
    """The full commented example config, every key shown: ``config/followup.example.toml``."""
    out = [
        "# followup: example configuration, every key with its default or an example value.",
        "# Generated from src/followup/config/schema.py: python -m followup.config > config/followup.example.toml",
        "# Found by --config, $FOLLOWUP_CONFIG, or <user config dir>/followup/config.toml.",
        "",
    ]
    for section in SECTIONS:
        out += render_section(section)
        out.append("")
        if section is ACCOUNTS:
            out += _comment("A Gmail account through the Gmail API (run `followup auth gmail` once):")
            out += [
                "[[accounts]]",
                'name = "gmail"',
                'backend = "gmail"',
                'client_secrets = "~/.config/followup/client_secret.json"',
                "",
            ]
    return "\n".join(out)
