"""Interviewers from calendar attendees and from the words of a message."""

from __future__ import annotations

from datetime import UTC, datetime

from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Person
from followup.domain.people import clean_name, interviewers_from_calendar, interviewers_from_text

USER = Identity("Maya Okonkwo", ("maya@example.net",), "America/Chicago")


def _event(attendees: tuple[Attendee, ...], organizer: Address | None) -> CalendarEvent:
    start = datetime(2026, 3, 10, 15, tzinfo=UTC)
    return CalendarEvent(
        "REQUEST", "uid-1", 0, start, start, "", "Interview", "", "", organizer, attendees, ""
    )


def test_calendar_drops_user_rooms_non_participants_robots_and_scheduling_only_organizer() -> None:
    event = _event(
        (
            Attendee("Ryan Cho", "ryan.cho@acme.io", "REQ-PARTICIPANT", "INDIVIDUAL"),
            Attendee("Nwosu, Priscilla", "p.nwosu@acme.io", "REQ-PARTICIPANT", "INDIVIDUAL"),
            Attendee(
                "BOS-3-Hopper (8)", "c_1889@resource.calendar.google.com", "REQ-PARTICIPANT", "RESOURCE"
            ),
            Attendee("Conf Room 4B", "conf4b@acme.io", "REQ-PARTICIPANT", "INDIVIDUAL"),
            Attendee("Ana Ruiz", "ana.ruiz@acme.io", "NON-PARTICIPANT", "INDIVIDUAL"),
            Attendee("Maya Okonkwo", "MAYA@example.net", "REQ-PARTICIPANT", "INDIVIDUAL"),
            Attendee("Scheduling", "no-reply@goodtime.io", "REQ-PARTICIPANT", "INDIVIDUAL"),
        ),
        Address("Leah Brennan", "leah.brennan@acme.io"),
    )
    assert interviewers_from_calendar(event, USER) == (
        Person("Ryan Cho", "ryan.cho@acme.io"),
        Person("Priscilla Nwosu", "p.nwosu@acme.io"),
    )


def test_calendar_organizer_who_attends_is_an_interviewer() -> None:
    carla = Address("Carla Mendes", "carla.mendes@nimbus.io")
    event = _event(
        (Attendee("Carla Mendes", "carla.mendes@nimbus.io"), Attendee("Maya", "maya@example.net")), carla
    )
    assert interviewers_from_calendar(event, USER) == (Person("Carla Mendes", "carla.mendes@nimbus.io"),)


def test_calendar_organizer_alone_with_the_user_is_the_interviewer() -> None:
    jonas = Address("Jonas Reiter", "jonas.reiter@brennwerk.de")
    event = _event((Attendee("Maya", "maya@example.net"),), jonas)
    assert interviewers_from_calendar(event, USER) == (Person("Jonas Reiter", "jonas.reiter@brennwerk.de"),)


def test_calendar_robot_organizer_alone_gives_nobody() -> None:
    event = _event((Attendee("Maya", "maya@example.net"),), Address("Acme Recruiting", "recruiting@acme.io"))
    assert interviewers_from_calendar(event, USER) == ()


def test_clean_name_reorders_and_prefers_latin_form() -> None:
    assert clean_name("Cheng, Alan") == "Alan Cheng"
    assert clean_name("박선희 (Sun-hee Park)") == "Sun-hee Park"
    assert clean_name("ravi@example.com", "ravi@example.com") == ""


def test_interviewer_label_line_gives_the_name_without_the_title() -> None:
    text = "Interviewer: Devin Osei, Director of Data Platform\nGoogle Meet: https://meet.google.com/x"
    assert interviewers_from_text(text, "brightmoor.com", USER) == (Person("Devin Osei", ""),)


def test_meeting_with_names_and_addresses_in_parentheses() -> None:
    text = "Next week you'll be meeting with Priya Nair (priya.nair@x.com) and Tom Lee."
    assert interviewers_from_text(text, "x.com", USER) == (
        Person("Priya Nair", "priya.nair@x.com"),
        Person("Tom Lee", ""),
    )


def test_german_partner_list_with_und_ich_adds_the_sender() -> None:
    text = (
        "Ihre Gesprächspartner sind Łukasz Nowak (Head of Design, lukasz.nowak@stellwerk.de) und ich. "
        "Gern können wir das Gespräch auch auf Englisch führen."
    )
    zoe = Address("Zoë Müller", "zoe.mueller@stellwerk.de")
    assert interviewers_from_text(text, "stellwerk.de", USER, sender=zoe) == (
        Person("Łukasz Nowak", "lukasz.nowak@stellwerk.de"),
        Person("Zoë Müller", "zoe.mueller@stellwerk.de"),
    )


def test_panel_names_are_matched_to_known_cc_addresses() -> None:
    text = "Panel: Nadia Fofanah, Amir Haddad, Becca Stone\nZoom: https://zoom.us/j/1"
    known = [Address("", "nadia@pellucid.io"), Address("Amir Haddad", "amir.haddad@pellucid.io")]
    people = interviewers_from_text(text, "pellucid.io", USER, known=known)
    assert [p.email for p in people] == ["", "amir.haddad@pellucid.io", ""]
    assert [p.name for p in people] == ["Nadia Fofanah", "Amir Haddad", "Becca Stone"]


def test_first_name_and_i_matches_a_cc_address_and_adds_the_sender() -> None:
    text = "Lukas (team lead, Payments Backend) and I would like to invite you to a first interview."
    jana = Address("Jana Hoffmann", "jana.hoffmann@graustein.de")
    known = [Address("Lukas Brandt", "lukas.brandt@graustein.de")]
    people = interviewers_from_text(text, "graustein.de", USER, sender=jana, known=known)
    assert people == (
        Person("Lukas", "lukas.brandt@graustein.de"),
        Person("Jana Hoffmann", "jana.hoffmann@graustein.de"),
    )


def test_possessive_email_sentence_names_the_interviewer() -> None:
    text = "Noor loved your reel. Noor's email is noor.haddad@copperleaf.com if anything changes."
    assert interviewers_from_text(text, "copperleaf.com", USER) == (
        Person("Noor", "noor.haddad@copperleaf.com"),
    )


def test_past_chat_with_the_recruiter_does_not_make_them_an_interviewer() -> None:
    text = "Thanks for chatting with me this morning! I've confirmed your interview with Jason Whitford, our Director."
    brianna = Address("Brianna Cole", "brianna.cole@everly.com")
    assert interviewers_from_text(text, "everly.com", USER, sender=brianna) == (Person("Jason Whitford", ""),)


def test_ill_call_you_makes_the_sender_the_interviewer() -> None:
    kayla = Address("Kayla Brooks", "kayla.brooks@ardent.com")
    people = interviewers_from_text(
        "Perfect - I'll call you tomorrow at 10am ET.", "ardent.com", USER, sender=kayla
    )
    assert people == (Person("Kayla Brooks", "kayla.brooks@ardent.com"),)


def test_robot_and_team_addresses_and_tool_names_are_not_people() -> None:
    text = (
        "Your interview with Google Meet link is below. Questions? Write to no-reply@greenhouse.io "
        "or recruiting@acme.io. We will talk about your experience with Go and Postgres."
    )
    assert interviewers_from_text(text, "", USER) == ()
