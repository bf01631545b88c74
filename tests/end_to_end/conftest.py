"""A real Dovecot seeded with the project's sample mailbox, and a config pointing the product at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.config import Config, parse_config
from followup.demo import DEMO_AS_OF, USER, demo_config, sample_messages
from followup.devserver import DevServer, dovecot_binary
from tests.support.replay import header_date


@dataclass
class Env:
    server: DevServer
    config_path: Path
    config: Config
    as_of: str = DEMO_AS_OF

    def drafts(self) -> list[bytes]:
        return self.folder("Drafts")

    def folder(self, name: str) -> list[bytes]:
        client = self.server.client()
        try:
            client.select_folder(name, readonly=True)
            uids = client.search(["ALL"])
            if not uids:
                return []
            return [v[b"BODY[]"] for _, v in sorted(client.fetch(uids, ["BODY.PEEK[]"]).items())]
        finally:
            client.logout()


@pytest.fixture
def sample_env(tmp_path: Path) -> Iterator[Env]:
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    with DevServer(user=USER[1], password="demo-password") as server:
        for folder, _name, raw in sample_messages():
            server.deliver(folder, raw, header_date(raw))
        path = tmp_path / "config.toml"
        path.write_text(demo_config(server.host, server.port, tmp_path / "store.sqlite"), "utf-8")
        yield Env(server, path, parse_config(path.read_text("utf-8"), path))
