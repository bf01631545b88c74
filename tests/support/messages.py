"""Build a parsed `Message` straight from text, for classifier unit tests (no MIME round trip)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from followup.domain.model import Address, Message


def text_message(
    text: str,
    *,
    subject: str,
    sender: Address,
    to: tuple[Address, ...],
    date: datetime,
    message_id: str = "t@x",
    **fields: Any,
) -> Message:
    """A message whose whole body is new text; any other field can be given by name."""
    base = Message(
        message_id=message_id,
        date=date,
        sender=sender,
        reply_to=(),
        to=to,
        cc=(),
        subject=subject,
        in_reply_to="",
        references=(),
        headers={},
        text=text,
        new_text=text,
        quoted_text="",
        signature="",
        forwarded=(),
        calendar=(),
        attachments=(),
        size=len(text),
    )
    return replace(base, **fields)
