"""Kinds in the languages other than English, on sentences of our own (not the held-out batches'): German
(Sie and du, Austria, Switzerland), French (France, Belgium, Switzerland, Quebec), Spanish, Italian,
Portuguese, Dutch, Polish, Swedish, Danish and Norwegian. Phrases broken by a line wrap must still read, and
each language's cue prefilter must never hide a match."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from followup.domain import rules as R
from followup.domain import rules_germanic, rules_intl, rules_nordic, rules_pl, rules_romance
from followup.domain.classify import read
from followup.domain.model import Address, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Jo Lindqvist", ("jo.lindqvist@example.com",), "Europe/Berlin")
ME = Address("Jo Lindqvist", "jo.lindqvist@example.com")
HR = Address("Mara Kessel", "mara.kessel@obstgarten-werke.example")
CET = timezone(timedelta(hours=1))


def employer(text: str, subject: str = "Ihre Bewerbung", sender: Address = HR) -> Message:
    sent = datetime(2026, 3, 4, 10, 0, tzinfo=CET)  # a Wednesday
    return text_message(text, subject=subject, sender=sender, date=sent, to=(ME,), message_id="intl@x")


def mine(text: str, subject: str = "Re: Bewerbung", to: Address = HR) -> Message:
    sent = datetime(2026, 3, 4, 18, 0, tzinfo=CET)
    return text_message(text, subject=subject, sender=ME, date=sent, to=(to,), message_id="intl-me@x")


EMPLOYER_CASES = [
    # --- German (Sie / du, AT, CH)
    (
        "Guten Tag, hiermit bestätigen wir den Eingang Ihrer Unterlagen für die Stelle Lagerplaner (m/w/d).",
        "Eingangsbestätigung",
        Kind.APPLICATION_ACK,
    ),
    (
        "Bewerbung versendet\nEinkäufer (m/w/d) – Kelterei Aumann\nDer Arbeitgeber meldet sich, falls Ihr Profil passt.",
        "Ihre Bewerbung wurde an Kelterei Aumann gesendet",
        Kind.APPLICATION_ACK,
    ),
    (
        "Hallo Jo, für das Kennenlernen zur Stelle Einkäufer könnte ich dir zwei Zeitfenster anbieten:\n"
        "- Montag, 9. März um 10 Uhr\n- Dienstag, 10. März um 15 Uhr\nWelcher Termin passt dir besser?",
        "Kennenlernen",
        Kind.INTERVIEW_INVITE,
    ),
    (
        "Sehr geehrte Frau Lindqvist, nach langer Abwägung werden wir die Stelle als Einkäuferin mit einem\n"
        "Bewerber besetzen, dessen Branchenerfahrung näher an unserem Bedarf liegt.",
        "Ihre Bewerbung",
        Kind.REJECTION,
    ),
    (
        "Grüß Gott, die Position im Einkauf wurde leider bereits anderweitig vergeben.",
        "Ihre Bewerbung",
        Kind.REJECTION,
    ),
    (
        "Grüezi Frau Lindqvist, die Ausschreibung für die Stelle im Controlling wurde wegen eines Budgetentscheids\n"
        "vorläufig sistiert. Das liegt nicht an Ihrer Bewerbung.",
        "Ihre Bewerbung",
        Kind.WITHDRAWN,
    ),
    (
        "Liebe Jo, wir wollen dich unbedingt als Teamlead Einkauf an Bord holen! Unser Angebot: 68.000 € brutto.",
        "Gute Nachrichten",
        Kind.OFFER,
    ),
    (
        "Sehr geehrte Frau Lindqvist, danke für das Gespräch zur Stelle im Einkauf. Eine Rückmeldung\n"
        "bekommen Sie von uns bis spätestens Ende nächster Woche.",
        "Ihr Vorstellungsgespräch",
        Kind.DECISION_TIMELINE,
    ),
    (
        "Grüezi Frau Lindqvist, besten Dank für Ihren Besuch zum Vorstellungsgespräch. Wir werden nach den letzten\n"
        "Gesprächen auf Sie zukommen.",
        "Ihr Besuch",
        Kind.DECISION_TIMELINE,
    ),
    # --- French
    (
        "Bonjour, votre candidature pour le poste d'Acheteur (H/F) a bien été transmise au recruteur.",
        "Candidature envoyée",
        Kind.APPLICATION_ACK,
    ),
    (
        "Bonjour Madame, pour le poste d'acheteuse, pourriez-vous nous indiquer quelques créneaux\n"
        "la semaine prochaine entre 9h et 12h ?",
        "Votre candidature",
        Kind.INTERVIEW_INVITE,
    ),
    (
        "Bonjour Jo, nous avons décidé d'aller de l'avant avec un autre profil pour le poste d'acheteuse.",
        "Votre candidature",
        Kind.REJECTION,
    ),
    (
        "Madame, malheureusement nous poursuivrons le recrutement avec d'autres personnes dont le parcours\n"
        "correspond davantage au poste.",
        "Votre candidature",
        Kind.REJECTION,
    ),
    (
        "Bonjour Jo, le recrutement pour le poste d'acheteuse est mis en pause jusqu'à nouvel ordre.",
        "Votre candidature",
        Kind.WITHDRAWN,
    ),
    (
        "Bonjour Jo, vous trouverez en pièce jointe votre promesse d'embauche pour le poste d'acheteuse.\n"
        "Dites-nous si elle vous convient.",
        "Bonne nouvelle",
        Kind.OFFER,
    ),
    (
        "Bonjour Jo, merci pour l'entretien d'hier. Je reviendrai vers toi avant la fin du mois.",
        "Entretien",
        Kind.DECISION_TIMELINE,
    ),
    (
        "Bonjour Jo, je dois déplacer notre entretien de jeudi à vendredi 13 mars à 14h, désolée.",
        "Entretien",
        Kind.RESCHEDULE,
    ),
    (
        "Allô Jo, je te confirme ton entrevue pour le poste d'analyste le jeudi 12 mars à 13 h.",
        "Ton entrevue",
        Kind.INTERVIEW_CONFIRMED,
    ),
    # --- Spanish
    (
        "Hola Jo, tu candidatura para el puesto de Comprador ha sido enviada correctamente.",
        "Candidatura enviada",
        Kind.APPLICATION_ACK,
    ),
    (
        "Hola Jo, por desgracia seguimos adelante con otro candidato para el puesto de Comprador.",
        "Tu candidatura",
        Kind.REJECTION,
    ),
    (
        "Hola Jo, el proceso para el puesto de Comprador queda congelado hasta el próximo trimestre.",
        "Tu candidatura",
        Kind.WITHDRAWN,
    ),
    (
        "Hola Jo, ¿podemos mover la entrevista del martes al miércoles 11 de marzo a las 16:00?",
        "Entrevista",
        Kind.RESCHEDULE,
    ),
    # --- Italian
    (
        "Gentile Jo, la posizione di Buyer è stata purtroppo già assegnata a un'altra persona.",
        "Candidatura",
        Kind.REJECTION,
    ),
    (
        "Ciao Jo, siamo lieti di offrirti il ruolo di Buyer: in allegato la lettera di assunzione.",
        "Buone notizie",
        Kind.OFFER,
    ),
    (
        "Ciao Jo, sei passato alla fase successiva del processo di selezione per il ruolo di Buyer.",
        "Selezione",
        Kind.NEXT_ROUND,
    ),
    # --- Portuguese (PT / BR)
    (
        "Oi Jo, parabéns, você passou para a próxima etapa do processo seletivo de Comprador!",
        "Processo seletivo",
        Kind.NEXT_ROUND,
    ),
    (
        "Olá Jo, segue a carta-proposta para a vaga de Comprador com salário e benefícios.",
        "Proposta",
        Kind.OFFER,
    ),
    (
        "Olá Jo, a vaga de Comprador já foi preenchida internamente. Obrigado pelo interesse.",
        "Candidatura",
        Kind.REJECTION,
    ),
    # --- Dutch
    (
        "Hoi Jo, bedankt voor het gesprek over de functie van inkoper. Je krijgt uiterlijk vrijdag bericht van ons.",
        "Sollicitatie",
        Kind.DECISION_TIMELINE,
    ),
    (
        "Beste Jo, de vacature voor inkoper is inmiddels vervuld. Veel succes verder.",
        "Sollicitatie",
        Kind.REJECTION,
    ),
    # --- Polish
    (
        "Dzień dobry, dziękujemy za przesłanie aplikacji na stanowisko Kupca.",
        "Aplikacja",
        Kind.APPLICATION_ACK,
    ),
    (
        "Dzień dobry, niestety postanowiliśmy wybrać innego kandydata na stanowisko Kupca.",
        "Proces rekrutacyjny",
        Kind.REJECTION,
    ),
    (
        "Dzień dobry, musimy przełożyć rozmowę rekrutacyjną na czwartek 12 marca o 11:00.",
        "Rozmowa rekrutacyjna",
        Kind.RESCHEDULE,
    ),
    (
        "Dzień dobry, rekrutacja na stanowisko Kupca została wstrzymana do odwołania.",
        "Rekrutacja",
        Kind.WITHDRAWN,
    ),
    # --- Swedish, Danish, Norwegian
    (
        "Hej Jo! Vi bokar in en intervju för tjänsten som inköpare torsdag 12/3 kl. 10:00.",
        "Intervju",
        Kind.INTERVIEW_CONFIRMED,
    ),
    (
        "Hej Jo, tyvärr har vi valt att gå vidare med en annan kandidat till tjänsten som inköpare.",
        "Din ansökan",
        Kind.REJECTION,
    ),
    (
        "Hej Jo, ledningen har beslutat att pausa rekryteringen till tjänsten som inköpare.",
        "Tjänsten som inköpare",
        Kind.WITHDRAWN,
    ),
    (
        "Hej Jo, tak for samtalen om stillingen som indkøber. Vi vender tilbage til dig inden fredag.",
        "Stillingen som indkøber",
        Kind.DECISION_TIMELINE,
    ),
    (
        "Hej Jo, vi bliver nødt til at flytte samtalen om stillingen til mandag den 16. marts kl. 9.",
        "Ny tid til samtale",
        Kind.RESCHEDULE,
    ),
    (
        "Hei Jo, takk for søknaden din på stillingen som innkjøper. Vi har mottatt søknaden.",
        "Søknad",
        Kind.APPLICATION_ACK,
    ),
]


@pytest.mark.parametrize(("text", "subject", "kind"), EMPLOYER_CASES)
def test_employer_mail_in_each_language_reads_as_its_kind(text: str, subject: str, kind: Kind) -> None:
    got = read(employer(text, subject), USER)
    assert got.kind is kind, got.evidence


USER_CASES = [
    ("Hallo Mara, danke dir nochmal für das offene Gespräch gestern!", "Danke", Kind.USER_THANK_YOU),
    (
        "Guten Tag Frau Kessel, ich wollte mich kurz erkundigen, ob es schon einen neuen Stand gibt.",
        "Bewerbung Einkauf",
        Kind.USER_FOLLOW_UP,
    ),
    (
        "Liebe Frau Kessel, ich habe mich für ein anderes Angebot entschieden und ziehe meine Bewerbung\nzurück.",
        "Bewerbung Einkauf",
        Kind.WITHDRAWN,
    ),
    ("Bonjour Mara, merci encore pour notre échange de ce matin.", "Merci", Kind.USER_THANK_YOU),
    (
        "Hola Mara, he aceptado otra oferta, así que prefiero retirar mi\ncandidatura. ¡Gracias por todo!",
        "Re: Entrevista",
        Kind.WITHDRAWN,
    ),
    (
        "Gentile Mara, le scrivo per sapere se ci sono novità sulla selezione per la posizione di Buyer.",
        "Candidatura Buyer",
        Kind.USER_FOLLOW_UP,
    ),
    ("Olá Mara, obrigada pela conversa de hoje sobre a vaga!", "Obrigada", Kind.USER_THANK_YOU),
    ("Dzień dobry, dziękuję bardzo za rozmowę i poświęcony czas.", "Podziękowanie", Kind.USER_THANK_YOU),
    ("Hej Mara, tack för samtalet igår om tjänsten!", "Tack", Kind.USER_THANK_YOU),
]


@pytest.mark.parametrize(("text", "subject", "kind"), USER_CASES)
def test_the_users_own_mail_in_each_language_reads_as_its_kind(text: str, subject: str, kind: Kind) -> None:
    got = read(mine(text, subject), USER)
    assert got.kind is kind, got.evidence


@pytest.mark.parametrize(
    ("text", "subject", "not_kind"),
    [
        (  # welcoming someone to the office for an interview is no offer
            "Bonjour Jo, nous souhaitons vous accueillir dans nos locaux pour un entretien sur le poste d'acheteuse."
            " Quelles disponibilités avez-vous ?",
            "Votre candidature",
            Kind.OFFER,
        ),
        (  # keeping someone in mind for future roles is no offer
            "Hola Jo, lamentablemente no has sido seleccionada. Nos encantaría contar contigo para futuras vacantes.",
            "Tu candidatura",
            Kind.OFFER,
        ),
        (  # "the feedback reaches you by Friday" is a promise, not an acknowledgement of the application
            "Guten Tag, zu Ihrer Bewerbung erhalten Sie bis Freitag eine Rückmeldung von uns.",
            "Ihr Gespräch",
            Kind.APPLICATION_ACK,
        ),
    ],
)
def test_a_friendly_phrase_near_a_cue_does_not_decide(text: str, subject: str, not_kind: Kind) -> None:
    assert read(employer(text, subject), USER).kind is not not_kind


def test_a_wrapped_phrase_still_matches_and_an_optional_space_stays_optional() -> None:
    (cue,) = rules_intl.wcues((r"\bretirer ma candidature\b", 4.0))
    assert cue.pattern.search("je souhaite retirer ma\ncandidature")
    (apostrophe,) = rules_intl.wcues((r"\bvous|t' ?accueillir\b", 1.0))
    assert apostrophe.pattern.search("t'accueillir") and apostrophe.pattern.search("t' accueillir")
    (klass,) = rules_intl.wcues((r"\ba[ ]b\b", 1.0))  # a space inside a class is left alone
    assert klass.pattern.pattern == r"\ba[ ]b\b"


def test_the_prefilter_looks_past_short_words_and_hoisted_letters() -> None:
    (cue,) = rules_intl.wcues((r"\b(?:pasar|posponer|mover) (?:la|tu) (?:entrevista|cita)\b", 1.0))
    assert cue.needs and all(len(n) >= 3 for n in cue.needs)
    assert not rules_intl.wcues((r"\b(?:a|b)\w+", 1.0))[0].needs  # nothing certain: no prefilter at all


def _tables() -> list[R.Cue]:
    mods = (rules_intl, rules_romance, rules_germanic, rules_nordic, rules_pl)
    out: list[R.Cue] = []
    for m in mods:
        for name, value in vars(m).items():
            if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], tuple):
                out.extend(rules_intl.wcues(*value))
    return out


def test_no_prefilter_hides_a_match_in_any_sentence_here() -> None:
    texts = [t for t, _, _ in EMPLOYER_CASES] + [t for t, _, _ in USER_CASES]
    for cue in _tables():
        for text in texts:
            low = R.prepare(text)
            if cue.pattern.search(low) and cue.needs:
                assert any(n in low for n in cue.needs), (cue.pattern.pattern[:60], cue.needs)


def test_every_language_cue_has_a_prefilter() -> None:
    # a cue without one runs its regex on every message, English ones included: keep read above 1,000 msg/s
    assert [c.pattern.pattern[:50] for c in _tables() if not c.needs] == []
