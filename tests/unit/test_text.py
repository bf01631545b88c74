"""html_to_text and split_body on small hand-written bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from followup.domain.text import html_to_text, split_body

# --- html_to_text -----------------------------------------------------------------------------------


def test_html_block_tags_and_br_become_lines_and_entities_are_decoded() -> None:
    html = "<div>Hi&nbsp;Sam,</div><div><br></div><div>Fish &amp; chips<br>at 5&#8239;pm</div>"
    assert html_to_text(html) == "Hi Sam,\n\nFish & chips\nat 5 pm"


def test_html_source_newlines_are_spaces_but_pre_keeps_lines() -> None:
    assert html_to_text("<p>one\ntwo</p><pre>a\nb</pre>") == "one two\n\na\nb"


def test_html_script_style_and_hidden_elements_vanish() -> None:
    html = (
        "<style>.a{}</style><script>alert(1)</script><div style='display: none'>pre<b>header</b></div>"
        "<p hidden>gone</p><p>shown</p>"
    )
    assert html_to_text(html) == "shown"


def test_html_tables_become_one_line_per_row() -> None:
    html = "<table><tr><td>When</td><td>Tue 3 March</td></tr><tr><td>Where</td><td>Zoom</td></tr></table>"
    assert html_to_text(html) == "When Tue 3 March\nWhere Zoom"


def test_html_blockquote_is_marked_as_quoted() -> None:
    html = "<p>New</p><blockquote><p>Old</p><blockquote>Older</blockquote></blockquote><p>Tail</p>"
    assert html_to_text(html) == "New\n\n> Old\n\n> > Older\n\nTail"


def test_html_broken_markup_does_not_raise() -> None:
    assert "text" in html_to_text("<p><b>text<td></tr></div><<<>>&bogus;</")


# --- split_body: replies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attribution",
    [
        "On Mon, 9 Mar 2026 at 10:00, Jane Doe <jane@firm.example> wrote:",
        "Am Mo., 9. März 2026 um 10:00 Uhr schrieb Jane Doe <jane@firm.example>:",
        "Le lun. 9 mars 2026 à 10:00, Jane Doe <jane@firm.example> a écrit :",
        "El lun, 9 mar 2026 a las 10:00, Jane Doe (<jane@firm.example>) escribió:",
    ],
)
def test_localized_attribution_starts_quoted_history(attribution: str) -> None:
    body = f"Thanks, Friday works.\n\n{attribution}\n\nWe decide by March 6.\n"
    split = split_body(body)
    assert split.new_text == "Thanks, Friday works."
    assert "March 6" in split.quoted_text and "March 6" not in split.new_text


def test_inline_reply_keeps_new_lines_between_quotes() -> None:
    body = "On Mon, Mar 9, 2026 Jane <j@x.example> wrote:\n> Can you do Tuesday?\nYes, Tuesday.\n> And Wednesday?\nNo."
    split = split_body(body)
    assert split.new_text == "Yes, Tuesday.\nNo."
    assert "> Can you do Tuesday?" in split.quoted_text and "And Wednesday" in split.quoted_text


def test_german_outlook_header_block_is_history() -> None:
    body = (
        "Hallo Sam,\n\nwir melden uns bis Freitag.\n\n"
        "Von: Jana Hoffmann <jana@graustein.example>\nGesendet: Montag, 2. März 2026 09:00\n"
        "An: Sam Lee\nBetreff: Interview\n\nAlter Text am 3. März."
    )
    split = split_body(body)
    assert split.new_text == "Hallo Sam,\n\nwir melden uns bis Freitag."
    assert split.quoted_text.startswith("Von: Jana") and "3. März" in split.quoted_text


def test_one_line_outlook_history_from_html_is_history() -> None:
    body = "See below.\nFrom: Ann <a@x.example> Sent: Monday, March 2, 2026 To: Sam Subject: Hi\nOld text"
    split = split_body(body)
    assert split.new_text == "See below."
    assert "Old text" in split.quoted_text


def test_original_message_marker_is_history() -> None:
    split = split_body("Sounds good.\n\n-----Original Message-----\nFrom: X\nOld promise by Friday")
    assert split.new_text == "Sounds good."
    assert "Old promise" in split.quoted_text


def test_from_line_in_ordinary_prose_is_not_history() -> None:
    body = "From: our side, all good.\nSubject: the onsite next week.\nSee you then."
    assert split_body(body).new_text == body


# --- split_body: forwards -----------------------------------------------------------------------------


def test_gmail_forward_with_zone_less_date_uses_the_given_zone_and_notes_it() -> None:
    body = (
        "FYI\n\n---------- Forwarded message ---------\nFrom: Zoë <zoe@firm.example>\n"
        "Date: Fri, 6 Mar 2026 at 16:40\nSubject: Interview\nTo: Sam <sam@example.net>, Kim <kim@example.net>\n\n"
        "Dienstag, 10.03.2026, 14:00 Uhr\n\nViele Grüße\nZoë"
    )
    split = split_body(body, default_tz=timezone(timedelta(hours=1)))
    assert split.new_text == "FYI"
    (fwd,) = split.forwarded
    assert fwd.date == datetime(2026, 3, 6, 15, 40, tzinfo=UTC)
    assert [a.email for a in fwd.to] == ["sam@example.net", "kim@example.net"]
    assert fwd.text == "Dienstag, 10.03.2026, 14:00 Uhr\n\nViele Grüße\nZoë"
    assert any("without a zone" in n for n in split.notes)


def test_forward_date_without_year_is_not_guessed() -> None:
    body = "---------- Forwarded message ---------\nFrom: a@x.example\nDate: yesterday at 16:40\nSubject: s\n\nhi"
    (fwd,) = split_body(body).forwarded
    assert fwd.date is None


def test_outlook_forward_under_fw_subject_becomes_forwarded() -> None:
    body = (
        "Please see below.\n\n________________________________\n"
        "From: Ann Lee [mailto:ann@firm.example]\nSent: Monday, March 2, 2026 9:00 AM\n"
        "To: Sam\nSubject: Offer\n\nWe are pleased to offer you the role."
    )
    split = split_body(body, subject="FW: Offer")
    (fwd,) = split.forwarded
    assert fwd.sender is not None and fwd.sender.email == "ann@firm.example" and fwd.sender.name == "Ann Lee"
    assert fwd.text == "We are pleased to offer you the role."
    assert split.new_text == "Please see below."
    assert split.quoted_text == ""


def test_nested_forwards_are_all_listed_and_quoted_history_inside_stays_quoted() -> None:
    body = (
        "Top\n\n---------- Forwarded message ---------\nFrom: b@x.example\nSubject: Fwd: c\n\nMiddle\n\n"
        "---------- Forwarded message ---------\nFrom: c@x.example\nSubject: c\n\nInner\n\n"
        "On Mon, Mar 2, 2026 d@x.example wrote:\n> ancient"
    )
    split = split_body(body)
    assert [f.sender.email for f in split.forwarded if f.sender] == ["b@x.example", "c@x.example"]
    assert [f.text for f in split.forwarded] == ["Middle", "Inner"]
    assert "ancient" in split.quoted_text and "ancient" not in split.new_text


# --- split_body: signatures -----------------------------------------------------------------------------


def test_dash_dash_signature_is_split_off_and_sign_off_stays() -> None:
    split = split_body("Hi,\n\nSee you Tuesday.\n\nBest,\nAnn\n-- \nAnn Lee | Recruiter\n+1 555 0100")
    assert split.new_text == "Hi,\n\nSee you Tuesday.\n\nBest,\nAnn"
    assert split.signature == "Ann Lee | Recruiter\n+1 555 0100"


def test_legal_disclaimer_at_the_end_goes_to_the_signature() -> None:
    body = (
        "Hi Sam,\n\nWe will decide by Friday.\n\nAnn\n\n"
        "This email and any attachments are confidential and intended solely for the addressee. "
        "If you have received it in error, please notify the sender and delete it."
    )
    split = split_body(body)
    assert split.new_text == "Hi Sam,\n\nWe will decide by Friday.\n\nAnn"
    assert split.signature.startswith("This email and any attachments are confidential")


def test_confidential_word_in_the_only_paragraph_is_not_a_disclaimer() -> None:
    body = "Please keep the offer confidential; if you are not able to sign by Friday, tell me."
    assert split_body(body).new_text == body


def test_split_never_raises_on_odd_input() -> None:
    for body in ("", "\n\n\n", ">" * 1000, "On " * 500 + "wrote:", "From: x\n" * 100):
        split_body(body)
