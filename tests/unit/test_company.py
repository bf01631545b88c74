"""Company names from domains, display names, subjects; the loose comparison key."""

from __future__ import annotations

from followup.domain.company import company_key, domain_label, from_display_name, match_domain
from followup.domain.role import find_role
from followup.domain.senders import employer_domain, human_name_of, is_robot_address


def test_key_ignores_case_spacing_and_legal_suffix() -> None:
    assert company_key("Stellwerk Mobility GmbH") == company_key("stellwerk mobility")
    assert company_key("Marlowe & Keyes LLP") == company_key("Marlowe and Keyes")


def test_domain_label_drops_tld_and_second_level() -> None:
    assert domain_label("saltbush.com.au") == "saltbush"
    assert domain_label("ferncastle.co.uk") == "ferncastle"
    assert domain_label("fjordlight.design") == "fjordlight"


def test_domain_is_spelt_out_by_the_fuller_phrase_in_the_text() -> None:
    assert match_domain("corvidsec.com", ["Beth\nCorvid Security | Detection"]) == "Corvid Security"
    assert match_domain("halden-energie.de", ["Halden Energie GmbH, Am Sandtorkai"]) == "Halden Energie GmbH"
    assert match_domain("latticepine.com", ["Thanks from Lattice & Pine!"]) == "Lattice & Pine"


def test_display_names_of_ats_mail() -> None:
    assert from_display_name("Altamira Bio Careers") == "Altamira Bio"
    assert from_display_name("Jules Moreau at Pellucid Labs") == "Pellucid Labs"
    assert from_display_name("Ana Ruiz via Greenhouse") == ""
    assert human_name_of("Ana Ruiz via Greenhouse") == "Ana Ruiz"


def test_ats_and_freemail_domains_never_name_an_employer() -> None:
    assert employer_domain("no-reply@greenhouse.io") == ""
    assert employer_domain("someone@gmail.com") == ""
    assert employer_domain("ana@brightmoor-analytics.com") == "brightmoor-analytics.com"
    assert is_robot_address("donotreply@company.com") and not is_robot_address("ana@company.com")


def test_roles_from_subjects_and_text() -> None:
    assert (
        find_role("Interview Confirmation: Senior Data Engineer at Brightmoor Analytics", "")
        == "Senior Data Engineer"
    )
    assert (
        find_role("Einladung", "vielen Dank für Ihre Bewerbung als UX Researcher (m/w/d) bei uns")
        == "UX Researcher (m/w/d)"
    )
    assert (
        find_role("Next steps", "We'd love to talk about the Platform Engineer position.")
        == "Platform Engineer"
    )
    assert find_role("Quick question", "Are you free on Tuesday?") == ""
