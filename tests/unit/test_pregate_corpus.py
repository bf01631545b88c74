"""The pre-parse gate against every labelled message: it never skips mail the full reading would keep,
and whenever it skips, the classifier's own no-hiring-word gate fires on the full parse too (for the
user's own mail, which that gate never reads: its "no hiring context in the user's mail")."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.domain.classify import _no_hiring_cue, read
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse
from followup.domain.pregate import no_hiring_cue
from followup.domain.senders import analyse
from tests.support.corpus import scenarios

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_SETS = sorted(
    p.parent for p in FIXTURES.glob("*/labels.toml") if p.parent.name.startswith(("heldout", "classify"))
)


def _fixture_messages() -> Iterator[tuple[str, bytes, Identity]]:
    for folder in FIXTURE_SETS:
        u = tomllib.loads((folder / "labels.toml").read_text("utf-8"))["user"]
        user = Identity(u["name"], tuple(u["addresses"]), u["timezone"])
        for path in sorted(folder.glob("*.eml")):
            yield f"{folder.name}/{path.name}", path.read_bytes(), user
    for toml in sorted((FIXTURES / "scenarios").glob("*/scenario.toml")):
        u = tomllib.loads(toml.read_text("utf-8"))["user"]
        user = Identity(u["name"], (u["email"].lower(),), u["timezone"])
        for path in sorted(toml.parent.glob("*/*.eml")):  # INBOX and Sent
            yield f"{toml.parent.name}/{path.relative_to(toml.parent)}", path.read_bytes(), user


def _corpus_messages() -> Iterator[tuple[str, bytes, Identity]]:
    for scenario in scenarios():
        u = scenario.user
        user = Identity(u["name"], (u["email"],), u["timezone"])
        for path in sorted(scenario.path.glob("**/*.eml")):
            yield f"{scenario.name}/{path.relative_to(scenario.path)}", path.read_bytes(), user


_NO_USER_CONTEXT = "no hiring context in the user's mail"


def _losses(messages: Iterator[tuple[str, bytes, Identity]]) -> tuple[list[str], list[str], int, int]:
    """(kept messages the gate skips, skipped messages the classifier's gate would read, total, skipped)."""
    lost, unsound, total, skipped = [], [], 0, 0
    for name, raw, user in messages:
        total += 1
        message = parse(raw)
        reading = read(message, user)
        kept = reading.kind is not Kind.OTHER or bool(reading.company)
        if not no_hiring_cue(raw, user):
            continue
        skipped += 1
        if kept:
            lost.append(f"{name} ({reading.kind.value}, {reading.company!r})")
        facts = analyse(message, user)
        if facts.from_user:
            if _NO_USER_CONTEXT not in reading.evidence:
                unsound.append(name)
        elif not _no_hiring_cue(message, facts):
            unsound.append(name)
    return lost, unsound, total, skipped


def test_pregate_skips_no_heldout_or_fixture_message_that_the_full_reading_keeps() -> None:
    assert FIXTURE_SETS, "no labelled fixture sets found"
    lost, unsound, total, _ = _losses(_fixture_messages())
    assert total >= 900
    assert lost == []
    assert unsound == []


def test_pregate_spares_the_generated_personal_mail_and_receipts_and_stays_sound_on_them() -> None:
    from bench.mailgen import USER_ADDRESS, USER_NAME, generate

    user = Identity(USER_NAME, (USER_ADDRESS,), "Europe/Berlin")
    mails = [m for m in generate(600, seed=3) if m.kind in ("personal", "transactional", "sent", "hiring")]
    lost, unsound, total, skipped = _losses((f"{m.kind}-{i}", m.raw, user) for i, m in enumerate(mails))
    assert lost == []
    assert unsound == []
    chatter = sum(m.kind in ("personal", "transactional", "sent") for m in mails)
    assert skipped >= 0.9 * chatter  # the user's notes to friends included


@pytest.mark.skipif(not scenarios(), reason="../shared/corpus is absent")
def test_pregate_skips_no_corpus_message_that_the_full_reading_keeps() -> None:
    lost, unsound, total, _ = _losses(_corpus_messages())
    assert total >= 100
    assert lost == []
    assert unsound == []
