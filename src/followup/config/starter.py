"""The starter config `followup init` writes: short, commented, valid as written."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.config.schema import IDENTITY, render_section, toml_value
from followup.errors import ConfigError


def local_timezone() -> str:
    """The host's IANA zone name ($TZ or /etc/localtime), "UTC" when it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        if name and not name.startswith("/"):
            try:
                ZoneInfo(name)
                return name
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return "UTC"


def starter_config(name: str = "", address: str = "", timezone: str = "") -> str:
    """A commented config that loads as written; the account is left for the user to fill in."""
    tz = timezone or local_timezone()
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f'unknown time zone {tz!r}: expected an IANA name such as "Europe/Berlin"'
        ) from None
    addresses = [address.strip().lower()] if address.strip() else []
    lines = [
        "# followup configuration. Every key, with its meaning and default: config/followup.example.toml",
        "# in the source tree (or `python -m followup.config`). Check it with `followup doctor`.",
        "",
    ]
    lines += render_section(IDENTITY, {"name": name, "addresses": addresses, "timezone": tz})
    user = address.strip() or "you@example.net"
    account = [
        "",
        "Your mailbox: uncomment and fill in. Then store its password (or app password) in the system",
        "keyring with `followup auth main`, or set password_command for a headless host.",
        "[[accounts]]",
        'name = "main"',
        'backend = "imap"                 # or "gmail" (then: client_secrets = "...json")',
        'host = "imap.example.net"',
        "port = 993",
        'security = "tls"                 # "tls" | "starttls" | "plain" (loopback only)',
        f"username = {toml_value(user)}",
        '# password_command = "pass show mail/imap"',
    ]
    lines += ["#" if not line else "# " + line for line in account]
    lines += [
        "",
        "# [policy]   when drafts fall due (defaults follow the etiquette guides)",
        '# [schedule] scan_every_minutes = 15, digest = "mon 08:00"',
        '# [store]    path = "..."  (the platform data dir by default)',
        "",
    ]
    return "\n".join(lines)
