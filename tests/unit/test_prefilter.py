"""The header prefilter: which messages a scan fetches whole."""

from __future__ import annotations

from followup.domain.prefilter import header_block, reason, wants_body

USER = {"lena@example.net"}


def _head(*lines: str, body: str = "Hello\r\n") -> bytes:
    base = ["Date: Mon, 3 Mar 2025 10:00:00 +0000", "To: Lena <lena@example.net>"]
    return ("\r\n".join(base + list(lines)) + "\r\n\r\n" + body).encode()


NEWSLETTER = (
    "From: The Weekly Garden <news@garden.example>",
    "Subject: Ten bulbs to plant this spring",
    "List-Unsubscribe: <mailto:unsub@garden.example>",
)


def test_newsletter_with_list_headers_and_no_hiring_word_is_declined() -> None:
    assert not wants_body("inbox", _head(*NEWSLETTER), USER)


def test_precedence_bulk_without_list_headers_is_declined() -> None:
    raw = _head("From: Shop <deals@shop.example>", "Subject: Weekend sale", "Precedence: bulk")
    assert reason("inbox", raw, USER) == ""


def test_personal_mail_without_bulk_headers_is_kept() -> None:
    raw = _head("From: Theo <theo@example.org>", "Subject: dinner on friday?")
    assert reason("inbox", raw, USER) == "not-bulk"


def test_bulk_mail_with_a_hiring_word_in_the_subject_is_kept() -> None:
    raw = _head(
        "From: LinkedIn <jobs-noreply@linkedin.com>", "Subject: your application was sent", NEWSLETTER[2]
    )
    assert reason("inbox", raw, USER) == "hiring"


def test_bulk_mail_with_an_encoded_german_hiring_subject_is_kept() -> None:
    subject = "Subject: =?utf-8?q?Ihre_Bewerbung_bei_Graustein?="
    raw = _head("From: Graustein <noreply@graustein.example>", subject, "List-Id: <jobs.graustein.example>")
    assert reason("inbox", raw, USER) == "hiring"


def test_bulk_mail_from_an_applicant_tracking_service_is_kept() -> None:
    raw = _head(
        "From: Acme <no-reply@us.greenhouse-mail.io>", "Subject: Thanks from Acme", "Precedence: list"
    )
    assert reason("inbox", raw, USER) == "hiring"


def test_bulk_reply_into_a_known_thread_is_kept() -> None:
    raw = _head(*NEWSLETTER, "In-Reply-To: <abc@acme.example>")
    assert reason("inbox", raw, USER, known_ids={"abc@acme.example"}) == "thread"
    assert reason("inbox", raw, USER, known_ids={"other@acme.example"}) == ""


def test_anything_in_sent_or_from_the_user_is_kept() -> None:
    assert reason("sent", _head(*NEWSLETTER), USER) == "sent"
    raw = _head("From: Lena <LENA@example.net>", "Subject: list post", "List-Id: <club.example>")
    assert reason("inbox", raw, USER) == "user"


def test_header_block_stops_at_the_first_empty_line() -> None:
    raw = _head(*NEWSLETTER, body="Subject: interview\r\n")
    assert header_block(raw).endswith(b"\r\n\r\n")
    assert b"interview" not in header_block(raw)
    assert not wants_body("inbox", raw, USER)  # a hiring word in the body is not read


def test_malformed_header_does_not_raise_and_is_kept() -> None:
    raw = b"From: =?bogus?q?x?=\r\nSubject: =?utf-8?b?!!!?=\r\n\r\nbody"
    assert wants_body("inbox", raw, USER)
