"""`followup classify FILE...`: files that thread onto each other are read in each other's context."""

from __future__ import annotations

from pathlib import Path

from followup.domain.model import Identity
from followup.services.classify_files import classify_file, classify_files

USER = Identity("Nadia Farrow", ("nadia@example.net",), "America/New_York")


def _write(folder: Path, name: str, raw: str) -> Path:
    path = folder / name
    path.write_bytes(raw.replace("\n", "\r\n").encode())
    return path


def _thread(folder: Path) -> tuple[Path, Path, Path]:
    invite = _write(
        folder,
        "1-invite.eml",
        "From: Owen Tallis <owen@quillfern.co>\nTo: nadia@example.net\n"
        "Subject: Founding Operations Lead at Quillfern\nDate: Mon, 22 Feb 2027 09:00:00 -0500\n"
        "Message-ID: <p1@quillfern.co>\n\n"
        "Hi Nadia, thanks for applying for the Founding Operations Lead role. Could you send me a few "
        "times for an interview this week?\n",
    )
    answer = _write(
        folder,
        "2-answer.eml",
        "From: Nadia <nadia@example.net>\nTo: owen@quillfern.co\nSubject: Re: Founding Operations Lead at "
        "Quillfern\nDate: Mon, 22 Feb 2027 12:00:00 -0500\nMessage-ID: <u1@example.net>\n"
        "In-Reply-To: <p1@quillfern.co>\nReferences: <p1@quillfern.co>\n\nThursday at 2 works for me.\n",
    )
    reply = _write(
        folder,
        "3-reply.eml",
        "From: Owen Tallis <owen@quillfern.co>\nTo: nadia@example.net\nSubject: Re: Founding Operations Lead"
        "\nDate: Mon, 22 Feb 2027 15:00:00 -0500\nMessage-ID: <p2@quillfern.co>\n"
        "In-Reply-To: <u1@example.net>\nReferences: <p1@quillfern.co> <u1@example.net>\n\n"
        "sounds good \u2014 see you Thursday at 2\n",
    )
    return invite, answer, reply


def test_a_reply_read_with_its_thread_is_a_confirmed_interview_of_the_process(tmp_path: Path) -> None:
    invite, answer, reply = _thread(tmp_path)
    alone = classify_file(reply, USER)
    assert alone["kind"] == "other"
    results = classify_files([invite, answer, reply], USER)
    assert [r["kind"] for r in results] == ["interview_invite", "other", "interview_confirmed"]
    assert results[2]["company"] == "Quillfern"
    assert results[2]["interview_start"] == "2027-02-25T14:00:00-05:00"
    assert any("thread of a hiring process" in e for e in results[2]["evidence"])


def test_files_given_out_of_order_are_read_in_date_order(tmp_path: Path) -> None:
    invite, answer, reply = _thread(tmp_path)
    results = classify_files([reply, answer, invite], USER)
    assert [r["kind"] for r in results] == ["interview_confirmed", "other", "interview_invite"]
    assert [r["file"] for r in results] == [str(reply), str(answer), str(invite)]


def test_one_file_is_read_alone_exactly_as_before(tmp_path: Path) -> None:
    _, _, reply = _thread(tmp_path)
    assert classify_files([reply], USER) == [classify_file(reply, USER)]


def test_files_that_thread_onto_no_hiring_mail_read_as_they_do_alone(tmp_path: Path) -> None:
    invite, _, reply = _thread(tmp_path)
    missing = tmp_path / "missing.eml"
    together = classify_files([reply, missing], USER)  # the reply's parents are not among the files
    assert together[0] == classify_file(reply, USER)
    assert together[1]["error"] and together[1]["kind"] is None
    assert classify_files([invite, reply], USER)[1]["kind"] == "interview_confirmed"  # References reach p1
