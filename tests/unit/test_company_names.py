"""Employer names as a person would write them: never a signature's next line, no possessive, a
domain label split into words only where the mail spells it so."""

from __future__ import annotations

import pytest

from followup.domain.company import company_key, from_display_name, from_domain, match_domain, spelled_label


def test_signature_line_after_the_company_is_not_part_of_its_name() -> None:
    sig = "Best,\nElena\n\nElena Vasquez\nTalent Partner | Caldera Hotels Group\n600 W Jackson Blvd, Chicago"
    assert match_domain("caldera-hotels.com", [sig]) == "Caldera Hotels Group"


def test_city_line_under_a_legal_name_is_dropped_and_the_suffix_kept() -> None:
    sig = "Anke Schröder\nKranich Logistik GmbH\nHafenstraße 12, 28217 Bremen"
    assert match_domain("kranich-logistik.de", [sig]) == "Kranich Logistik GmbH"


def test_possessive_names_the_company_alone() -> None:
    assert match_domain("pinegate.io", ["I enjoyed meeting Pinegate's SEs today."]) == "Pinegate"


@pytest.mark.parametrize(
    ("domain", "text", "want"),
    [
        ("tidewellfoods.com", "Thank you - Category Manager interview at Tidewell Foods", "Tidewell Foods"),
        ("tidewellfoods.com", "great to meet the tidewell foods team", "Tidewell Foods"),
        ("olivarenergia.es", "Equipo de Talento de Olivar Energía", "Olivar Energía"),
        ("ternandtide.co", "Co-founder, Tern & Tide", "Tern & Tide"),
    ],
)
def test_domain_label_is_split_where_the_text_spells_it(domain: str, text: str, want: str) -> None:
    assert from_domain(domain, [text]) == want


def test_domain_label_unspelt_by_the_text_splits_only_before_a_common_trailing_word() -> None:
    assert from_domain("tidewellfoods.com", ["Thanks for yesterday's conversation."]) == "Tidewell Foods"
    assert from_domain("copperleafstudios.com") == "Copperleaf Studios"
    assert from_domain("pinegate.io", ["Thanks!"]) == "Pinegate"
    assert from_domain("halden-energie.de") == "Halden Energie"
    assert from_domain("foods.com") == "Foods"  # no stem left: kept whole


def test_spelling_never_joins_words_across_lines() -> None:
    assert spelled_label("tidewellfoods", "Tidewell\nFoods") == ""


def test_words_that_describe_the_mail_do_not_extend_the_name() -> None:
    texts = ["Nimbusline SRE - intro call?", "Carla Mendes\nTechnical Recruiter, Nimbusline"]
    assert match_domain("nimbusline.io", texts) == "Nimbusline"


def test_fuller_name_beats_a_shortened_domain() -> None:
    assert match_domain("saltbush.com.au", ["Craig Mitchell\nSaltbush Analytics"]) == "Saltbush Analytics"


def test_brand_spelled_by_the_address_beats_its_registered_company_form() -> None:
    texts = ["Oakhurst Mutual Insurance Company", "the team at Oakhurst Mutual"]
    assert match_domain("oakhurstmutual.com", texts) == "Oakhurst Mutual"


def test_person_relayed_by_an_ats_is_not_taken_for_the_employer() -> None:
    body = "Please share your availability.\n\nThanks!\nPriya Raman\nTechnical Recruiter, Brightmoor Labs"
    assert from_display_name("Priya Raman", "", body) == ""
    assert from_display_name("Larkspur Retail", "", "Larkspur Retail\n\nThank you for applying!") != ""


def test_company_key_ignores_accents_case_and_legal_suffix() -> None:
    assert company_key("Olivar Energía") == company_key("olivarenergia")
    assert company_key("Kranich Logistik GmbH") == company_key("Kranich Logistik")


def test_indian_legal_suffix_is_ignored_and_an_and_co_label_reads_as_ampersand() -> None:
    assert company_key("Kavya Softworks Pvt. Ltd.") == company_key("Kavya Softworks")
    assert from_domain("millerandsons.com") == "Miller & Sons"


def test_a_display_name_that_is_a_company_survives_closing_the_mail() -> None:
    body = "Thanks for applying to the Buyer role.\n\nBest,\nBirch & Rowan\n"
    assert from_display_name("Birch & Rowan", "", body) == "Birch & Rowan"
