"""Who a draft goes to, and which message it answers.

Follow-ups go to ONE person: the employer's most recent human correspondent (the Reply-To behind a robot
sender), never a no-reply, ATS, scheduler or e-signature address, never an out-of-office auto-reply.
Thank-yous go to each interviewer with a known address, else to the person who arranged the interview.
"""

from __future__ import annotations

from followup.domain.model import Address, Identity, Interview, Person, Process, Signal
from followup.domain.track_people import (
    departed,
    human_senders,
    is_robot_address,
    is_users,
    prefer_employer_domain,
)


def _last_from(process: Process, email: str, user: Identity) -> Signal | None:
    for sig in reversed(process.signals):
        if any(a.email == email for a in human_senders(sig, user)):
            return sig
    return None


def follow_up_recipient(process: Process, user: Identity) -> tuple[tuple[Address, ...], Signal | None]:
    """(the one recipient, or () when no human is known; the message to thread under).

    Someone who has left the employer (their new company's address) is never the recipient."""
    gone = departed(process.signals, user)
    for sig in reversed(process.signals):
        humans = human_senders(sig, user, gone)
        if humans:
            best = prefer_employer_domain(humans, sig.reading.company_domain)[0]
            return (best,), sig
    return (), None


def thank_you_recipients(
    process: Process, iv: Interview, user: Identity
) -> list[tuple[Person | None, tuple[Address, ...], Signal | None, str]]:
    """One entry per thank-you: (interviewer, to, reply_to, in words to whom)."""
    out: list[tuple[Person | None, tuple[Address, ...], Signal | None, str]] = []
    for p in iv.interviewers:
        if p.email and not is_robot_address(p.email) and not user.is_user(p.email):
            addr = Address(p.name, p.email)
            out.append((p, (addr,), _last_from(process, p.email, user), f"to {p.name or p.email}"))
    if out:
        return out
    named = next((p for p in iv.interviewers if p.name), None)
    arranger = iv.arranger
    if arranger is not None and (is_robot_address(arranger.email) or is_users(arranger, user)):
        arranger = None
    if arranger is None:
        to, reply_to = follow_up_recipient(process, user)
        if to:
            arranger = to[0]
    if arranger is None:
        return [(named, (), None, "(no address known)")]
    why = f"via {arranger.name or arranger.email}, who arranged it"
    if named is not None:
        why += f" (interviewer {named.name}: no address)"
    return [(named, (arranger,), _last_from(process, arranger.email, user), why)]
