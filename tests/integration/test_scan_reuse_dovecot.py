"""Reusing the last evaluation on a real Dovecot: a no-change scan skips track and (CONDSTORE) the mute
SEARCH; a later scan that crosses a due time drafts; a flag set in a mail client is still seen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from followup.backends.imap import ImapMailbox
from followup.cli import parse_as_of
from followup.demo import DEMO_AS_OF
from followup.services import scan as scan_module
from followup.services.scan import evaluate_all
from followup.store import Store
from tests.support.sample_env import EXPECTED, Env, kinds, sample_env  # noqa: F401 - the fixture

LATE = parse_as_of(DEMO_AS_OF, "UTC")
EARLY = LATE - timedelta(days=3)  # before the interview ends: nothing due yet


@pytest.fixture
def env(sample_env: Env) -> Env:  # noqa: F811 - the shared fixture, under the name these tests use
    return sample_env


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"track": 0, "muted_refs": 0}
    real_track, real_muted = scan_module.track, ImapMailbox.muted_refs

    def track(*args: Any, **kwargs: Any) -> Any:
        counts["track"] += 1
        return real_track(*args, **kwargs)

    def muted_refs(self: ImapMailbox, keyword: str) -> set[str]:
        counts["muted_refs"] += 1
        return real_muted(self, keyword)

    monkeypatch.setattr(scan_module, "track", track)
    monkeypatch.setattr(ImapMailbox, "muted_refs", muted_refs)
    return counts


def test_no_change_scan_skips_track_and_the_mute_search(env: Env, calls: dict[str, int]) -> None:
    assert not env.scan(EARLY.isoformat()).reused
    assert calls == {"track": 1, "muted_refs": 1}
    again = env.scan((EARLY + timedelta(hours=1)).isoformat())
    assert again.reused and again.ok
    assert calls == {"track": 1, "muted_refs": 1}


def test_later_scan_crossing_due_times_drafts_them_once(env: Env, calls: dict[str, int]) -> None:
    env.scan(EARLY.isoformat())
    assert env.scan((EARLY + timedelta(minutes=30)).isoformat()).reused
    assert env.drafts() == []
    late = env.scan(LATE.isoformat())
    assert not late.reused
    assert kinds(env.drafts()) == EXPECTED
    assert env.scan((LATE + timedelta(minutes=1)).isoformat()).reused
    assert kinds(env.drafts()) == EXPECTED  # nothing twice


def test_mute_flag_set_in_a_mail_client_is_seen_by_the_next_scan(env: Env, calls: dict[str, int]) -> None:
    env.scan(EARLY.isoformat())
    client = env.server.client()
    try:
        client.select_folder("INBOX")
        client.add_flags(client.search(["ALL"]), [env.config.policy.mute_keyword.encode()])
    finally:
        client.logout()
    result = env.scan(LATE.isoformat())
    assert calls["muted_refs"] == 2 and not result.reused
    assert env.drafts() == []  # every process is muted now
    with Store.open(env.config.store_path) as store:
        assert all(ev.process.muted for ev in evaluate_all(store, env.config, LATE))
