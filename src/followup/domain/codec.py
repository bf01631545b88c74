"""Signal and Reading to plain JSON-ready dicts and back, exactly.

The store keeps signals as JSON; this module is the only place that knows the mapping. Pure: no I/O.

Encodings:
- datetime: ISO 8601 with its offset; a ``zoneinfo`` zone is kept after it in brackets
  (``2024-05-02T10:00:00+02:00[Europe/Berlin]``, as RFC 9557), so the value comes back with the same
  tzinfo. A naive datetime is refused (``ValueError``): the domain never makes one.
- date: ``YYYY-MM-DD``; tuples: lists; frozensets: sorted lists; enums: their string value.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from followup.domain.model import Address, Kind, Person, Reading, Signal

FORMAT_VERSION = 1


def encode_datetime(value: datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"naive datetime {value.isoformat()} cannot be stored (the domain keeps aware times)"
        )
    text = value.isoformat()
    if isinstance(value.tzinfo, ZoneInfo):
        text += f"[{value.tzinfo.key}]"
    return text


def decode_datetime(text: str) -> datetime:
    zone = ""
    if text.endswith("]") and "[" in text:
        text, zone = text[:-1].split("[", 1)
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"stored datetime {text!r} has no offset")
    if not zone:
        return value
    # keep the wall time and pick the fold whose offset matches (ambiguous and skipped hours too)
    local = value.replace(tzinfo=ZoneInfo(zone), fold=0)
    if local.utcoffset() != value.utcoffset():
        local = local.replace(fold=1)
    return local


def _opt_dt(value: datetime | None) -> str | None:
    return None if value is None else encode_datetime(value)


def _opt_dt_back(text: str | None) -> datetime | None:
    return None if text is None else decode_datetime(text)


def _opt_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _opt_date_back(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _address(a: Address) -> list[str]:
    return [a.name, a.email]


def _address_back(v: list[str]) -> Address:
    return Address(v[0], v[1])


def _person(p: Person) -> list[str]:
    return [p.name, p.email]


def _person_back(v: list[str]) -> Person:
    return Person(v[0], v[1])


def reading_to_dict(r: Reading) -> dict[str, Any]:
    return {
        "kind": r.kind.value,
        "confidence": r.confidence,
        "evidence": list(r.evidence),
        "company": r.company,
        "role": r.role,
        "interview_start": _opt_dt(r.interview_start),
        "interview_end": _opt_dt(r.interview_end),
        "interview_tz": r.interview_tz,
        "interviewers": [_person(p) for p in r.interviewers],
        "decision_expected_by": _opt_date(r.decision_expected_by),
        "promise": r.promise,
        "request_deadline": _opt_date(r.request_deadline),
        "calendar_uid": r.calendar_uid,
        "calendar_sequence": r.calendar_sequence,
        "from_user": r.from_user,
        "automated": r.automated,
        "company_domain": r.company_domain,
        "notes": list(r.notes),
    }


def reading_from_dict(d: dict[str, Any]) -> Reading:
    """The inverse of ``reading_to_dict``; keys missing (an older store) take the dataclass defaults."""
    return Reading(
        kind=Kind(d["kind"]),
        confidence=float(d["confidence"]),
        evidence=tuple(d.get("evidence", ())),
        company=d.get("company", ""),
        role=d.get("role", ""),
        interview_start=_opt_dt_back(d.get("interview_start")),
        interview_end=_opt_dt_back(d.get("interview_end")),
        interview_tz=d.get("interview_tz", ""),
        interviewers=tuple(_person_back(p) for p in d.get("interviewers", ())),
        decision_expected_by=_opt_date_back(d.get("decision_expected_by")),
        promise=bool(d.get("promise", False)),
        request_deadline=_opt_date_back(d.get("request_deadline")),
        calendar_uid=d.get("calendar_uid", ""),
        calendar_sequence=int(d.get("calendar_sequence", 0)),
        from_user=bool(d.get("from_user", False)),
        automated=bool(d.get("automated", False)),
        company_domain=d.get("company_domain", ""),
        notes=tuple(d.get("notes", ())),
    )


def signal_to_dict(s: Signal) -> dict[str, Any]:
    return {
        "v": FORMAT_VERSION,
        "ref": s.ref,
        "account": s.account,
        "folder": s.folder,
        "message_id": s.message_id,
        "thread_id": s.thread_id,
        "in_reply_to": s.in_reply_to,
        "references": list(s.references),
        "date": encode_datetime(s.date),
        "sender": _address(s.sender),
        "reply_to": [_address(a) for a in s.reply_to],
        "to": [_address(a) for a in s.to],
        "cc": [_address(a) for a in s.cc],
        "subject": s.subject,
        "reading": reading_to_dict(s.reading),
        "keywords": sorted(s.keywords),
    }


def signal_from_dict(d: dict[str, Any]) -> Signal:
    return Signal(
        ref=d["ref"],
        account=d["account"],
        folder=d["folder"],
        message_id=d["message_id"],
        thread_id=d.get("thread_id", ""),
        in_reply_to=d.get("in_reply_to", ""),
        references=tuple(d.get("references", ())),
        date=decode_datetime(d["date"]),
        sender=_address_back(d["sender"]),
        reply_to=tuple(_address_back(a) for a in d.get("reply_to", ())),
        to=tuple(_address_back(a) for a in d.get("to", ())),
        cc=tuple(_address_back(a) for a in d.get("cc", ())),
        subject=d.get("subject", ""),
        reading=reading_from_dict(d["reading"]),
        keywords=frozenset(d.get("keywords", ())),
    )
