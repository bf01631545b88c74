"""Round-7 facts, part 2, on our own sentences: promised decision dates in many languages, interview times
written the local way, the NEW slot of a reschedule, and who the interviewers are (named with their address,
in other languages, an organizer who takes part, people only copied or only fetching the candidate)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from followup.domain.dates import find_decision_date, find_interview_time
from followup.domain.dates_days import find_days
from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Person
from followup.domain.people import (
    interviewers_for_invite,
    interviewers_from_calendar,
    interviewers_from_text,
    is_robot_or_team,
    organizer_takes_part,
)
from followup.domain.people_text import copied_people, fetchers, mentioned_people

BERLIN_TUE = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # Tuesday 10 March 2026
NEW_YORK_TUE = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("America/New_York"))


def _decision(text: str, sent: datetime = BERLIN_TUE) -> date | None:
    found = find_decision_date(text, sent)
    return found.date if found else None


def _start(text: str, sent: datetime = BERLIN_TUE, user_tz: str = "Europe/Berlin") -> str:
    found = find_interview_time(text, sent, user_tz)
    return found.start.isoformat() if found else ""


# --- decision dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a range of days: its last day
        (
            "Eine Entscheidung teilen wir Ihnen zwischen dem 23. und 26. dieses Monats mit, versprochen.",
            "2026-03-26",
        ),
        ("Nous vous donnerons notre réponse entre le 18 et le 20 mars.", "2026-03-20"),
        ("We'll make the call somewhere between the 17th and the 19th.", "2026-03-19"),
        # German ordinal dot before a month name is not a sentence end
        ("Wir werden Ihnen bis zum 24. März Bescheid geben.", "2026-03-24"),
        # spans in Italian, Spanish, Danish, Polish; business days skip the weekend
        ("Le faremo sapere l'esito entro tre settimane.", "2026-03-31"),
        ("Le daremos una respuesta en un plazo de dos semanas.", "2026-03-24"),
        ("Vi giver dig en tilbagemelding inden for fem arbejdsdage.", "2026-03-17"),
        ("Odpowiedź przekażemy w ciągu dwóch tygodni.", "2026-03-24"),
        # "at the latest <weekday + date>" in Nordic languages and Polish
        ("Du hører fra os, vi vender tilbage senest torsdag den 19. marts.", "2026-03-19"),
        ("Vi återkommer med besked senast fredag den 20 mars.", "2026-03-20"),
        ("Decyzję przekażemy najpóźniej do piątku 20 marca.", "2026-03-20"),
        # "até" / "hasta": a promise up to a weekday or a date
        ("Daremos uma resposta até quinta-feira.", "2026-03-12"),
        # a decision put off to a later day is a new promise
        ("Lamentablemente hemos tenido que posponer la decisión hasta el lunes 23 de marzo.", "2026-03-23"),
        ("La decisión final no la sabremos hasta el jueves 26 de marzo.", "2026-03-26"),
        # an imperative "expect" and the German "rechnen Sie mit"
        ("Expect a decision from us by the end of next week.", "2026-03-20"),
        ("Rechnen Sie mit einer Entscheidung Mitte nächster Woche.", "2026-03-18"),
        # "the week of <date>" is that week's Friday, not this week
        ("We plan to decide by the week of 23 March.", "2026-03-27"),
        # the French future with "je"
        ("Je vous recontacterai au plus tard le jeudi 19 mars.", "2026-03-19"),
    ],
)
def test_decision_dates_in_many_languages_resolve_to_the_promised_day(text: str, want: str) -> None:
    assert _decision(text) == date.fromisoformat(want)


def test_an_hour_range_is_not_a_range_of_days() -> None:
    assert find_days("we talk between 9 and 11am", NEW_YORK_TUE.date()) == []
    assert find_days("zwischen 14 und 16 Uhr", BERLIN_TUE.date()) == []
    assert [d.day for d in find_days("vom 16. bis 18. März", BERLIN_TUE.date())] == [date(2026, 3, 18)]


# --- interview times written the local way ---------------------------------------------------------------


def test_nordic_clock_with_kl_and_a_dot() -> None:
    sent = datetime(2026, 3, 3, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert _start("Vi ses på videomötet 12/3 kl. 9.30 (svensk tid).", sent) == "2026-03-12T09:30:00+01:00"
    assert _start("Samtalen er onsdag den 11. marts kl. 15", sent) == "2026-03-11T15:00:00+01:00"


def test_dutch_uur_and_polish_godz() -> None:
    assert _start("Het gesprek is op vrijdag 13 maart om 10.15 uur.") == "2026-03-13T10:15:00+01:00"
    assert _start("Zapraszam na rozmowę w czwartek 12 marca o godz. 11.00.") == "2026-03-12T11:00:00+01:00"


def test_quebec_eastern_time_words_keep_daylight_saving_on_the_day() -> None:
    sent = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    text = "Ton entrevue aura lieu le jeudi 12 mars à 13 h 30 (heure de l’Est)."
    assert _start(text, sent) == "2026-03-12T13:30:00-04:00"


def test_mexico_central_time_has_no_daylight_saving() -> None:
    sent = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=-6)))
    text = "Te esperamos el martes 17 de marzo a las 12:00 (hora del centro)."
    assert _start(text, sent) == "2026-03-17T12:00:00-06:00"


def test_one_instant_given_in_two_zones_is_one_slot() -> None:
    text = "See you Friday, March 13 at 9am PT / 5pm CET."
    assert _start(text, NEW_YORK_TUE) == "2026-03-13T09:00:00-07:00"


def test_an_availability_window_is_not_a_fixed_time() -> None:
    text = (
        "Send me a couple of options for Thursday, March 12 - any time between 9am and 5pm Eastern is fine."
    )
    assert _start(text, NEW_YORK_TUE) == ""


# --- a reschedule takes the NEW slot -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Could we shift the chat from Wednesday at 11:00 to Friday at 15:30?", "2026-03-13T15:30:00+01:00"),
        ("Friday 2pm instead of Thursday 10am would suit Maya better.", "2026-03-13T14:00:00+01:00"),
        ("Passt Ihnen statt Donnerstag um 9 Uhr auch Freitag um 13 Uhr?", "2026-03-13T13:00:00+01:00"),
        (
            "Nous décalons l'entretien, initialement fixé au jeudi 12 mars à 9h, au vendredi 13 mars à 16h.",
            "2026-03-13T16:00:00+01:00",
        ),
        (
            "Movemos la entrevista al viernes 13 de marzo a las 10:00 en lugar del jueves 12 a las 9:00.",
            "2026-03-13T10:00:00+01:00",
        ),
        (
            "Vi flytter mødet fra torsdag den 12. marts kl. 10 til fredag den 13. marts kl. 14.30.",
            "2026-03-13T14:30:00+01:00",
        ),
        ("Przesuwamy spotkanie z czwartku 12 marca na piątek 13 marca o 12:00.", "2026-03-13T12:00:00+01:00"),
        (
            "Kunnen we het gesprek van donderdag 12 maart om 9.00 uur naar vrijdag 13 maart om 11.00 uur verzetten?",
            "2026-03-13T11:00:00+01:00",
        ),
    ],
)
def test_a_reschedule_takes_the_new_slot(text: str, want: str) -> None:
    assert _start(text) == want


def test_a_day_split_by_a_hard_wrap_still_owns_the_time_on_the_next_line() -> None:
    text = "Vi må desværre flytte samtalen fra mandag den 16. marts kl. 9 til tirsdag den\n17. marts kl. 11.15 hvis det passer."
    assert _start(text) == "2026-03-17T11:15:00+01:00"


def test_a_pair_of_explicit_slots_in_portuguese_keeps_the_one_in_the_named_zone() -> None:
    sent = datetime(2026, 3, 3, 12, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
    text = (
        "Confirmamos a conversa para quinta-feira, 12 de março, às\n10h00 (hora de Lisboa – 11h00 em Berlim)."
    )
    assert _start(text, sent) == "2026-03-12T10:00:00+00:00"


# --- interviewers -------------------------------------------------------------------------------------------

ME = Identity("Robin Achterberg", ("robin@example.org",), "Europe/Berlin")


def _emails(people: tuple[Person, ...]) -> set[str]:
    return {p.email for p in people if p.email}


def test_a_name_with_its_address_after_a_with_word_is_an_interviewer_even_across_a_wrap() -> None:
    text = "Great news - you're all set with Ines Marlow (ines.marlow@quarry.io) on Monday 16/3 at\n11:00 for an hour."
    assert _emails(interviewers_from_text(text, "quarry.io", ME)) == {"ines.marlow@quarry.io"}


def test_someone_to_contact_is_not_an_interviewer() -> None:
    text = "If anything comes up, get in touch with Pavel Novak (pavel.novak@quarry.io) from our office team."
    assert interviewers_from_text(text, "quarry.io", ME) == ()


def test_a_title_between_a_name_and_its_address_keeps_them_together_in_german() -> None:
    text = "Mit dabei sind Jonas Brehm, unser Teamleiter Plattform (jonas.brehm@quarry.io), und ich."
    sender = Address("Lea Vogt", "lea.vogt@quarry.io")
    got = interviewers_from_text(text, "quarry.io", ME, sender=sender)
    assert _emails(got) == {"jonas.brehm@quarry.io", "lea.vogt@quarry.io"}


@pytest.mark.parametrize(
    "text",
    [
        "Vous rencontrerez Paul Girard, directeur technique (paul.girard@quarry.io), ainsi que\nmoi-même.",
        "L'entretien se fera en visio avec Paul Girard, notre CTO (paul.girard@quarry.io), et moi-même.",
        "A conversa será por vídeo com o Paul Girard (paul.girard@quarry.io) e eu.",
        "W rozmowie wezmą udział Paul Girard (paul.girard@quarry.io) oraz ja.",
        "It'll be me and Paul Girard, our CTO (paul.girard@quarry.io).",
    ],
)
def test_a_second_interviewer_and_the_writer_in_other_languages(text: str) -> None:
    sender = Address("Lea Vogt", "lea.vogt@quarry.io")
    got = interviewers_from_text(text, "quarry.io", ME, sender=sender)
    assert _emails(got) == {"paul.girard@quarry.io", "lea.vogt@quarry.io"}


def test_a_presentation_to_two_people_names_both() -> None:
    text = "Tu présenteras ton étude à Paul Girard (paul.girard@quarry.io) et à Nora Blanc (nora.blanc@quarry.io)."
    assert _emails(interviewers_from_text(text, "quarry.io", ME)) == {
        "paul.girard@quarry.io",
        "nora.blanc@quarry.io",
    }


def test_a_bulleted_you_will_meet_list_with_addresses() -> None:
    text = (
        "You'll meet:\n"
        "  - Kofi Mensah, VP Data (kofi@quarry.io)\n"
        "  - Lin Zhao, Staff Engineer (lin@quarry.io)\n\n"
        "See you then!"
    )
    assert _emails(interviewers_from_text(text, "quarry.io", ME)) == {"kofi@quarry.io", "lin@quarry.io"}


def test_and_i_after_an_ordinary_word_is_not_the_writer_joining() -> None:
    sender = Address("Lea Vogt", "lea.vogt@quarry.io")
    text = "Interviewer: Paul Girard (paul.girard@quarry.io). Let me know by Friday and I'll book the room."
    assert _emails(interviewers_from_text(text, "quarry.io", ME, sender=sender)) == {"paul.girard@quarry.io"}
    assert not mentioned_people("Ask for me at reception and I'll bring you up to the fourth floor.")[1]
    assert mentioned_people("Paul and I will run the session.")[1]


def test_copied_people_and_door_collectors_are_not_met() -> None:
    assert copied_people("I've copied Nora in case the time has to move.") == {"nora"}
    assert copied_people("Cc'ing Sam Roy for visibility.") == {"sam roy"}
    assert fetchers("Ask for Sam Roy at reception and he'll bring you upstairs.") == {"sam roy"}
    text = "Your interview is with Nora Blanc on Friday. Omar Haddad will meet you at reception."
    assert [n for n, _ in mentioned_people(text)[0]] == ["Nora Blanc"]


def _invite(organizer: Address, *attendees: tuple[str, str], description: str = "") -> CalendarEvent:
    start = datetime(2026, 3, 18, 11, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    return CalendarEvent(
        method="REQUEST", uid="x1", sequence=0, start=start, end=start + timedelta(minutes=45), tzid="",
        summary="Interview", description=description, location="", organizer=organizer,
        attendees=tuple(Attendee(n, e, "REQ-PARTICIPANT", "INDIVIDUAL", "NEEDS-ACTION") for n, e in attendees),
        status="CONFIRMED",
    )  # fmt: skip


def test_an_organizer_who_writes_they_will_talk_with_you_is_the_interviewer_not_the_copied_guest() -> None:
    boss = Address("Dana Whitfield", "dana@quarry.io")
    event = _invite(boss, ("Robin Achterberg", "robin@example.org"), ("Sam Roy", "sam@quarry.io"))
    text = "Hi Robin - Sam sent me your times. Looking forward to talking about the team with you on Wednesday. I've copied Sam in case anything moves."
    assert _emails(interviewers_for_invite(event, ME, text, "dana@quarry.io")) == {"dana@quarry.io"}
    # without the covering text the calendar alone is all there is
    assert _emails(interviewers_for_invite(event, ME)) == {"sam@quarry.io"}
    assert organizer_takes_part("You'll be speaking with me and nobody else, promise.")
    assert not organizer_takes_part("Sam is looking forward to speaking with you.")


def test_an_organizer_the_event_description_names_among_the_people_met_stays() -> None:
    lead = Address("Owen Hale", "owen@quarry.io")
    event = _invite(
        lead,
        ("Owen Hale", "owen@quarry.io"),
        ("Maya Ford", "maya@quarry.io"),
        ("Robin", "robin@example.org"),
        description="Panel interview with Maya Ford (CTO) and Owen Hale (Recruiting). Ask for Owen at reception.",
    )
    assert _emails(interviewers_from_calendar(event, ME)) == {"maya@quarry.io", "owen@quarry.io"}
    plain = _invite(
        lead, ("Owen Hale", "owen@quarry.io"), ("Maya Ford", "maya@quarry.io"), ("Robin", "robin@example.org")
    )
    assert _emails(interviewers_from_calendar(plain, ME)) == {"maya@quarry.io"}


def test_a_scheduling_assistant_is_never_a_person() -> None:
    assert is_robot_or_team("olivia@paradox.ai")


def test_a_guest_who_also_collects_the_candidate_at_reception_still_interviews_when_named_among_them() -> (
    None
):
    text = "Interview with Maya Ford (CTO) and Owen Hale (Recruiting). Ask for Owen at reception."
    lead = Address("Owen Hale", "owen@quarry.io")
    event = _invite(lead, ("Owen Hale", "owen@quarry.io"), ("Maya Ford", "maya@quarry.io"), description=text)
    assert _emails(interviewers_for_invite(event, ME, text, "calendar@quarry.io")) == {
        "maya@quarry.io",
        "owen@quarry.io",
    }
    # only fetching: not an interviewer
    desk = Address("Front Desk", "coordinator@quarry.io")
    event = _invite(desk, ("Owen Hale", "owen@quarry.io"), ("Maya Ford", "maya@quarry.io"))
    only = "Your interview is with Maya Ford. Ask for Owen at reception and he'll bring you up."
    assert _emails(interviewers_for_invite(event, ME, only, "coordinator@quarry.io")) == {"maya@quarry.io"}
