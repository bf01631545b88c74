"""The header prefilter against the labelled corpus: it never declines mail that belongs to a process."""

from __future__ import annotations

import pytest

from followup.domain.prefilter import wants_body
from tests.support.corpus import scenarios

ALL = scenarios()


def _folder(rel: str) -> str:
    return "sent" if rel.startswith("Sent/") else "inbox"


@pytest.mark.skipif(not ALL, reason="../shared/corpus is absent")
def test_prefilter_keeps_every_labelled_hiring_message_and_every_other_with_a_company() -> None:
    lost = []
    for scenario in ALL:
        user = {scenario.user["email"].lower()}
        for label in scenario.labels:
            matters = label["kind"] != "other" or bool(label.get("company"))
            if matters and not wants_body(_folder(label["file"]), scenario.raw(label["file"]), user):
                lost.append(f"{scenario.name}/{label['file']} ({label['kind']})")
    assert lost == []
