"""Round-7 facts on our own sentences: the employer behind a platform or an agency, legal forms and short
forms in the comparison key, names that stop where the sentence goes on, roles, interviewers and dates."""

from __future__ import annotations

from followup.domain.company import (
    company_key,
    from_display_name,
    from_domain,
    from_patterns,
    is_agency_domain,
    is_platform,
    is_platform_domain,
    match_domain,
)

# --- company -------------------------------------------------------------------------------------------


def test_job_board_display_name_is_not_the_employer() -> None:
    assert from_display_name("ZipRecruiter") == ""
    assert from_display_name("Welcome to the Jungle") == ""
    assert from_display_name("Indeed Apply") == ""
    assert from_display_name("Brightwell Farms Careers") == "Brightwell Farms"


def test_platform_names_and_domains_are_recognised_by_what_they_are() -> None:
    assert is_platform("Rippling People Center Inc.")
    assert is_platform("Northgate Screening, LLC")  # a background-check vendor, whatever its name
    assert not is_platform("Northgate Robotics")
    assert is_platform_domain("scheduling.paradox.ai")
    assert is_platform_domain("ehqa.fa.sender@x.mail.eu2.cloud.oracle.com".split("@")[1])
    assert is_platform_domain("no-reply.gupy.io")
    assert not is_platform_domain("oraclefinance-partners.com")


def test_relay_domain_falls_back_to_the_employer_the_subject_names() -> None:
    texts = ["Your interview with Larchmont Freight on Monday", "Hi! Pick a time below."]
    assert from_domain("paradox.ai", texts) == "Larchmont Freight"
    assert match_domain("paradox.ai", ["Paradox, Inc. · Scottsdale"]) == ""


def test_the_one_who_acts_in_a_platform_notice_is_the_employer() -> None:
    assert from_patterns("Quillfeather Games has sent you an offer", "") == "Quillfeather Games"
    assert (
        from_patterns("Update", "Hello,\nOsprey Dental wants to interview you for the opening.")
        == "Osprey Dental"
    )


def test_agency_mail_names_the_client_as_employer() -> None:
    assert is_agency_domain("northpeakstaffing.com")
    assert not is_agency_domain("northpeak.com")
    body = "Hi,\nI put your profile forward today.\nClient: Harlow Turbine Works (Dayton, OH)\nRate: $60/hr"
    assert match_domain("northpeakstaffing.com", ["Submitted", body]) == "Harlow Turbine Works"


def test_name_stops_at_the_end_of_the_sentence_or_the_next_lower_case_word() -> None:
    assert (
        from_patterns("", "Your documents were sent to Pinecrest Dairy. Best of luck!") == "Pinecrest Dairy"
    )
    assert from_patterns("Votre dossier chez Atelier Morel a été reçu", "") == "Atelier Morel"
    assert from_patterns("You applied to Sr. Data Engineer at Kettle Peak", "") == "Kettle Peak"


def test_joined_words_never_end_a_domain_name_match() -> None:
    body = "I lead recruiting at Bluefin Dental and I saw your profile."
    assert match_domain("bluefindental.com", [body]) == "Bluefin Dental"


def test_cut_short_legal_form_is_not_a_longer_name() -> None:
    sig = "Oskar Nowicki\nKruk Data sp. z o.o., ul. Długa 4, Gdańsk"
    assert company_key(match_domain("krukdata.pl", [sig])) == company_key("Kruk Data")


def test_company_key_folds_legal_forms_in_many_countries() -> None:
    assert company_key("Cobre Norte S.A. de C.V.") == company_key("Cobre Norte")
    assert company_key("Bursztyn Labs Sp. z o.o.") == company_key("Bursztyn Labs")
    assert company_key("Vinterhav ApS") == company_key("vinterhav")
    assert company_key("Tulpenveld B.V") == company_key("Tulpenveld B.V.")
    assert company_key("Ruisseau Logiciel inc.") == company_key("Ruisseau Logiciel")
    assert company_key("Žalgiris Dati") == company_key("Zalgiris Dati")


def test_company_key_treats_and_glued_domains_and_short_forms_alike() -> None:
    assert company_key("Heron & Vale") == company_key("heronandvale") == company_key("heronvale")
    assert company_key("Quarrystone Robotics") == company_key("Quarrystone")
    assert company_key("Groupe Lavandier") == company_key("Lavandier SA") == company_key("groupelavandier")


def test_company_key_keeps_different_companies_apart() -> None:
    assert company_key("Orchid Analytics") != company_key("Orchard Analytics")
    assert company_key("Data Health") != company_key("Data Foods")
    assert company_key("Acme") != company_key("Acme Freight")  # only generic descriptors are dropped


# --- role ----------------------------------------------------------------------------------------------


def test_role_drops_requisition_numbers_and_framing_words() -> None:
    from followup.domain.role import find_role

    assert find_role("Thanks for applying: JR-5521 Fraud Data Analyst", "") == "Fraud Data Analyst"
    assert find_role("Einladung: Vorstellungsgespräch Backend Entwickler", "") == "Backend Entwickler"
    assert find_role("Candidatura Analista Finanziario – Milano", "") == "Analista Finanziario"
    assert find_role("Platform Engineer Coding Challenge", "") == "Platform Engineer"


def test_a_persons_title_is_not_the_role_but_a_candidate_slash_role_subject_is() -> None:
    from followup.domain.role import find_role

    assert find_role("Onsite: Marta Lind, Staff Software Engineer", "") == ""
    assert (
        find_role("Priya Shah / Warehouse Operations Manager interview", "") == "Warehouse Operations Manager"
    )


def test_sentence_goes_on_after_a_title_case_role() -> None:
    from followup.domain.role import find_role

    assert find_role("Merci", "Le poste de Product Designer me plaît beaucoup.") == "Product Designer"
    assert find_role("Merci", "Le poste de Chef de projet digital est ouvert.") == "Chef de projet digital"


def test_role_key_ignores_gender_markers_with_or_without_brackets() -> None:
    from followup.domain.role import role_key

    assert role_key("Data Analyst H/F") == role_key("Data Analyst (H/F)") == role_key("data analyst")
    assert role_key("Controller m/w/d") == role_key("Controller")


# --- people --------------------------------------------------------------------------------------------


def test_optional_guest_from_another_firm_is_copied_not_interviewing() -> None:
    from followup.domain.model import Address, Attendee, CalendarEvent, Identity
    from followup.domain.people import interviewers_from_calendar

    user = Identity("Sam Reyes", ("sam@mail.example",), "UTC")
    event = CalendarEvent(
        method="REQUEST",
        uid="u1",
        sequence=0,
        start=None,
        end=None,
        tzid="",
        summary="Interview",
        description="",
        location="",
        status="CONFIRMED",
        organizer=Address("Ines Duarte", "ines@lumacorp.com"),
        attendees=(
            Attendee("Sam Reyes", "sam@mail.example", "REQ-PARTICIPANT"),
            Attendee("Theo Park", "theo@lumacorp.com", "OPT-PARTICIPANT"),
            Attendee("Rhea Colt", "rhea@bridgewaystaffing.com", "OPT-PARTICIPANT"),
        ),
    )
    assert [p.email for p in interviewers_from_calendar(event, user)] == ["theo@lumacorp.com"]
