"""A real Dovecot seeded with the shipped sample mailbox, a config for it, and the CLI as a subprocess.

Shared by the end-to-end and reliability suites (their conftests import the `sample_env` fixture).
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from pathlib import Path

import pytest

from followup.cli import parse_as_of
from followup.config import Config, parse_config
from followup.demo import DEMO_AS_OF, USER, sample_messages
from followup.devserver import DevServer, dovecot_binary
from followup.services.scan import ScanResult, scan
from followup.store import Store
from tests.support.replay import header_date

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "demo-password"
# what a scan of the sample mailbox at DEMO_AS_OF must leave in Drafts, and nothing else
EXPECTED = [
    ("decision_follow_up", "dana.whitfield@harborfreight-logistics.com"),
    ("thank_you", "marcus.lee@lumenrobotics.com"),
]


def config_text(
    *,
    port: int,
    store: Path,
    host: str = "127.0.0.1",
    security: str | None = "plain",
    password_command: str = f"echo {PASSWORD}",
    extra: str = "",
) -> str:
    name, address, tz = USER
    sec = f'security = "{security}"\n' if security else ""
    return f"""[identity]
name = "{name}"
addresses = ["{address}"]
timezone = "{tz}"

[[accounts]]
name = "demo"
backend = "imap"
host = "{host}"
port = {port}
{sec}username = "{address}"
password_command = "{password_command}"
timeout_seconds = 5
{extra}
[store]
path = "{store}"
"""


@dataclass
class Env:
    server: DevServer
    config_path: Path
    config: Config
    as_of: str = DEMO_AS_OF

    def drafts(self) -> list[bytes]:
        return folder(self.server, "Drafts")

    def folder(self, name: str) -> list[bytes]:
        return folder(self.server, name)

    def scan(self, as_of: str | None = None, **kw: object) -> ScanResult:
        store = Store.open(self.config.store_path)
        try:
            return scan(self.config, store, parse_as_of(as_of or self.as_of, "UTC"), **kw)  # type: ignore[arg-type]
        finally:
            store.close()

    def rewrite(self, **kw: object) -> None:
        """Rewrite the config (e.g. another port) keeping the store."""
        text = config_text(store=self.config.store_path, **{"port": self.server.port, **kw})  # type: ignore[arg-type]
        self.config_path.write_text(text, "utf-8")
        self.config = parse_config(text, self.config_path)


def folder(server: DevServer, name: str) -> list[bytes]:
    client = server.client()
    try:
        client.select_folder(name, readonly=True)
        uids = client.search(["ALL"])
        if not uids:
            return []
        return [v[b"BODY[]"] for _, v in sorted(client.fetch(uids, ["BODY.PEEK[]"]).items())]
    finally:
        client.logout()


def kinds(raws: list[bytes]) -> list[tuple[str, str]]:
    """(X-Followup-Kind, first To address) of each draft, sorted."""
    out = []
    for raw in raws:
        msg = email.message_from_bytes(raw, policy=policy.default)
        out.append((str(msg["X-Followup-Kind"]), str(msg["To"].addresses[0].addr_spec)))
    return sorted(out)


def require_dovecot() -> None:
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")


def seeded_server(messages: list[tuple[str, str, bytes]] | None = None) -> DevServer:
    server = DevServer(user=USER[1], password=PASSWORD).start()
    for box, _name, raw in messages if messages is not None else sample_messages():
        server.deliver(box, raw, header_date(raw))
    return server


@pytest.fixture
def sample_env(tmp_path: Path) -> Iterator[Env]:
    """A Dovecot holding the shipped sample mailbox and a config (plain IMAP on loopback) for it."""
    require_dovecot()
    server = seeded_server()
    try:
        path = tmp_path / "config.toml"
        path.write_text(config_text(port=server.port, store=tmp_path / "store.sqlite"), "utf-8")
        yield Env(server, path, parse_config(path.read_text("utf-8"), path))
    finally:
        server.cleanup()


def _cli_env(config: Path | None, env: dict[str, str] | None) -> dict[str, str]:
    full = dict(os.environ)
    full.pop("FOLLOWUP_CONFIG", None)
    full["XDG_CONFIG_HOME"] = "/nonexistent-followup-test"
    full["PYTHONPATH"] = str(REPO)
    if config is not None:
        full["FOLLOWUP_CONFIG"] = str(config)
    full.update(env or {})
    return full


def run_cli(
    *args: str,
    config: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m followup.cli ARGS`` as a user would run it."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "followup.cli", *args],
        env=_cli_env(config, env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        input=input,
    )


def spawn_cli(*args: str, config: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "followup.cli", *args],
        env=_cli_env(config, env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
