"""Every cue's prefilter (the substrings one of which each match must contain) is sound: over the text of
every fixture message, a cue whose pattern matches always finds one of its needs. A prefilter only lets the
classifier skip a regex that cannot match; an unsound one would silently lose a reading."""

from __future__ import annotations

from pathlib import Path

from followup.domain import rules as R
from followup.domain.parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _tables() -> list[R.Cue]:
    out: list[R.Cue] = []
    for name, value in vars(R).items():
        if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], R.Cue):
            out.extend(value)
    return out


def _texts() -> list[str]:
    out = []
    for path in sorted(FIXTURES.glob("**/*.eml")):
        m = parse(path.read_bytes())
        for text in (f"{m.subject}\n{m.new_text}", m.text, m.quoted_text):
            if text.strip():
                out.append(R.Text.of(text).low)
    return out


def test_every_table_is_seen() -> None:
    assert len(_tables()) > 300


def test_no_cue_prefilter_hides_a_match_in_any_fixture_text() -> None:
    texts = _texts()
    assert len(texts) > 1000
    hidden = []
    for cue in _tables():
        if not cue.needs:
            continue
        for low in texts:
            if not any(n in low for n in cue.needs) and cue.pattern.search(low):
                hidden.append((cue.pattern.pattern[:60], cue.needs))
                break
    assert hidden == []
