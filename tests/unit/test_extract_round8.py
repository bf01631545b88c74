"""Round 8 facts: the domain as a clue to the written name, platforms known by what their notice says,
Romance legal forms left out, and roles read from thread subjects, inclusive endings and unit phrases."""

from __future__ import annotations

import pytest

from followup.domain.company import company_key, from_display_name, from_domain, match_domain
from followup.domain.company_spelling import abbreviated_name, humble_label
from followup.domain.role import find_role, role_key


@pytest.mark.parametrize(
    ("domain", "text", "want"),
    [
        # apostrophe and dot dropped, trailing words of the name kept
        (
            "stagathas.org",
            "Kind regards,\nSt. Agatha's Children's Hospital | Talent Office\n",
            "St. Agatha's Children's Hospital",
        ),
        # the last word cut to a prefix
        ("westmoorcoll.edu", "Thank you for applying to Westmoor College of Art.", "Westmoor College of Art"),
        # a state code after the name, and the public body's head before it
        (
            "riverdaletx.gov",
            "We are glad you want to work for the Town of Riverdale.\nRiverdale, TX",
            "Town of Riverdale",
        ),
        # one inner word left out by the domain
        ("ostbyfoods.com", "Lars Ostby\nOstby Nordic Foods | Oslo", "Ostby Nordic Foods"),
        # a recruiting firm's full signed name, not its first word
        ("quarrytalent.com", "Mira\nQuarry Talent Partners | 10 Main St", "Quarry Talent Partners"),
    ],
)
def test_domain_abbreviating_a_written_name_gives_the_written_name(domain: str, text: str, want: str) -> None:
    assert match_domain(domain, ["", text, ""]) == want


def test_abbreviation_needs_real_word_prefixes_not_single_letters() -> None:
    assert abbreviated_name("bcme", ["Big Cats Make Everything"]) == ""
    assert abbreviated_name("kelso", ["see you at Kelsey Oaks"]) == ""


def test_a_name_stops_at_a_spaced_dash_and_a_sentence_end() -> None:
    assert abbreviated_name("marwoodcoll", ["Marwood College - Lab Assistant (R-77)"]) == "Marwood College"
    assert abbreviated_name("fenwick", ["Thanks from Fenwick Dental. Please call"]) == "Fenwick Dental"


def test_no_written_name_renders_the_label_humbly() -> None:
    assert humble_label("lakeportmn", "lakeportmn.gov") == "Lakeport"
    assert humble_label("oakridgeuniv", "oakridgeuniv.edu") == "Oakridge University"
    assert from_domain("lakeportmn.gov", ["Thanks for your time today."]) == "Lakeport"
    # not a public body: the letters stay as they are
    assert humble_label("brightny", "brightny.com") == "Brightny"


def test_a_board_that_says_it_is_the_board_is_not_the_employer() -> None:
    body = (
        "Your application was sent to Pemberton Mills\n\nData Coordinator\nPemberton Mills - Albany, NY\n\n"
        "You got this message because you applied for a job on Jobnest. Manage alerts: https://jobnest.com/x"
    )
    subject = "Application submitted: Data Coordinator at Pemberton Mills"
    assert from_display_name("Jobnest", "", body) == ""
    assert match_domain("jobnest.com", [subject, body, ""]) == ""
    assert from_domain("jobnest.com", [subject, body, ""]) == "Pemberton Mills"


def test_a_job_digest_from_a_board_names_no_employer() -> None:
    body = (
        "12 new jobs for 'data analyst' near you\n\nAnalyst\nCopperfield Bank - Remote\n\n"
        "You are receiving this job alert because you created it on Hunterly. Unsubscribe anytime."
    )
    assert from_domain("hunterly.com", ["12 new jobs for you", body, ""]) == ""
    assert from_display_name("Hunterly Alerts", "", body) == ""


def test_a_public_portal_hosting_the_employer_names_the_employer() -> None:
    body = (
        "Thank you for your interest in working for the County of Milbrook.\n"
        "Track it at www.publicjobs.com/careers/milbrookca any time.\n"
    )
    assert match_domain("publicjobs.com", ["Application received", body, ""]) == "County of Milbrook"


def test_a_tenant_subdomain_of_an_hr_suite_names_the_employer() -> None:
    body = "Thank you for applying to Harlow State University. Our committee will review files next month."
    assert match_domain("harlowstate.hrsuiteapp.com", ["Application confirmation", body, ""]) == (
        "Harlow State University"
    )


def test_newsletter_host_is_a_platform() -> None:
    assert (
        from_domain("substack.com", ["Issue #4", "This week's newsletter: three tips. Unsubscribe", ""]) == ""
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Mirador Datos S.L.U.", "Mirador Datos"),
        ("Cantiere Blu S.r.l.", "Cantiere Blu"),
        ("Atelier Roux SARL", "Atelier Roux"),
        ("Vinos Serra S.A.U.", "Vinos Serra"),
    ],
)
def test_romance_legal_forms_are_left_out_of_the_name(written: str, said: str) -> None:
    assert from_display_name(written) == said
    assert company_key(written) == company_key(said)


def test_dotted_legal_form_keeps_its_last_dot() -> None:
    assert from_display_name("Zandvoort Logistiek B.V") == "Zandvoort Logistiek B.V."


def test_glued_and_spaced_name_endings_compare_alike() -> None:
    assert company_key("Harborworks") == company_key("Harbor Works")
    assert company_key("Quillpoint Labs") == company_key("Quillpointlabs")
    assert company_key("Sunworks") != company_key("Sun")  # no real stem left


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        ("Re: Warehouse Shift Lead — Jordan Pike", "", "Warehouse Shift Lead"),
        (
            "Interview Scheduled: Payroll Specialist, Benefits with Norland Foods",
            "",
            "Payroll Specialist, Benefits",
        ),
        ("Re: Your profile – Grant Writer (6-month contract)", "", "Grant Writer"),
        ("Thanks again – Budget Analyst III panel", "", "Budget Analyst III"),
        ("Re: Lab Manager search – transcripts", "", "Lab Manager"),
        ("Out of office: Checking in - Program Officer, Climate application", "", "Program Officer, Climate"),
        ("Candidature Responsable(e) des partenariats (réf. 2027-9)", "", "Responsable(e) des partenariats"),
        (
            "",
            "to interview for the position of Budget Analyst III, Office of Management and Budget.",
            "Budget Analyst III",
        ),
        ("Ridgeway - QA interview confirmed for Monday", "the Quality Engineer role", "Quality Engineer"),
    ],
)
def test_role_from_thread_subjects_and_units(subject: str, body: str, want: str) -> None:
    assert find_role(subject, body) == want


def test_role_key_folds_inclusive_endings_and_short_forms() -> None:
    assert role_key("Chargé(e) de mission") == role_key("Chargé de mission")
    assert role_key("SRE") == role_key("Site Reliability Engineer")
    assert role_key("Sr. ML Engineer") == role_key("Senior Machine Learning Engineer")
    assert role_key("Data Analyst") != role_key("Data Engineer")


def test_a_german_name_written_with_umlauts_wins_over_the_address_that_spells_them_out() -> None:
    sig = ["Mit freundlichen Grüßen\nJonas Keller\nBrückner Automation GmbH\nIndustriestraße 4, Ulm"]
    assert match_domain("brueckner-automation.de", sig) == "Brückner Automation GmbH"
    assert match_domain("mueller-logistik.de", ["Müller Logistik GmbH"]) == "Müller Logistik GmbH"
