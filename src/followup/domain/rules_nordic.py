"""Swedish, Danish and Norwegian cue families, appended to the kind tables in ``followup.domain.rules_kinds``
(the same meanings as the English ones there). The three languages share most hiring words, so one pattern
often covers all of them ("kandidat", "rekryter-/rekrutter-", "tjänst" / "stilling").
"""

from __future__ import annotations

from followup.domain.rules_intl import pairs

HIRING = pairs(
    (
        r"\b(?:intervju\w*|jobbintervju\w*|rekryter\w*|rekrutter\w*|rekruttering\w*|tjänsten|ansökan|ansøgning\w*|søknad\w*"
        r"|stillingen|jobsamtale\w*|ansættelsessamtale\w*|anställningsintervju\w*|rekryteringsprocess\w*|ansættelse)\b",
        1.5,
    ),
    (r"\b(?:samtale[nt]?|samtalet|samtalen)\b", 1.0),
)

# --- employer kinds ----------------------------------------------------------------------------------
OFFER = pairs(
    (
        r"\b(?:erbjuda dig (?:tjänsten|anställning|jobbet|en anställning)|anställningserbjudande|erbjudande om anställning"
        r"|tilbyde dig (?:stillingen|jobbet)|jobtilbud|tilbud om ansættelse|ansættelseskontrakt|anställningsavtal"
        r"|tilby deg (?:stillingen|jobben)|jobbtilbud|arbeidskontrakt)\b",
        4.0,
    ),
)
REJECTION = pairs(
    (r"\b(?:tyvärr|desværre|dessverre)\b", 1.5),
    (
        r"\b(?:gått|gå|gået|gåt) vidare med (?:en )?(?:annan|andra|anden|andre|annen) (?:\w+ )?kandidat\w*"
        r"|\b(?:valt|valgt) (?:\w+ )?(?:en )?(?:annan|andra|anden|andre|annen) (?:\w+ )?kandidat\w*"
        r"|\b(?:inte|ikke) (?:gå|går|kommer att gå|vil gå) vidare med (?:din|dig|deg|din ansökan|din ansøgning)\b"
        r"|\b(?:tjänsten|stillingen|rollen) (?:är|har|er|har blitt|er blevet|har blivit) (?:nu )?(?:tillsatt|besat|besatt)\b",
        4.0,
        ("vidare", "kandidat", "tillsatt", "besat"),
    ),
)
WITHDRAWN = pairs(
    (
        r"\bpausa(?:t|r|d)? (?:\w+ )?(?:rekryteringen|rekryteringsprocessen|tjänsten|rekrutteringen|processen)\b"
        r"|\b(?:rekryteringen|tjänsten|rekrutteringen|stillingen|processen)\b[^.!?]{0,60}\b(?:pausad|pausats|stoppad|avbruten"
        r"|dragits tillbaka|sat på pause|sat i bero|stoppet|annulleret|trukket tilbage|satt på pause|stanset|trukket)\b"
        r"|\b(?:inte|ikke) (?:att )?(?:tillsätta tjänsten|besætte stillingen|besette stillingen)\b",
        4.0,
        (
            "pausa",
            "rekryteringen",
            "tjänsten",
            "rekrutteringen",
            "stillingen",
            "processen",
            "tillsätta",
            "besætte",
            "besette",
        ),
    ),
)
RESCHEDULE = pairs(
    (
        r"\b(?:flytta|flytte|boka om|ombooke) (?:\w+ )?(?:vår|vårt|intervjun|samtalet|mötet|vores|jeres|samtalen|interviewet"
        r"|mødet|intervjuet|møtet|samtale|tiden|tidspunktet)\b|\b(?:ny tid|nyt tidspunkt|nytt tidspunkt|ny tidpunkt)\b",
        3.0,
    ),
)
CONFIRM = pairs(
    (
        r"\b(?:bokar|bokat|har bokat|booker|har booket) (?:vi )?in\b|\bbekräftar (?:härmed )?(?:intervjun|tiden|mötet|samtalet)"
        r"|\bbekræfter (?:hermed )?(?:samtalen|interviewet|tidspunktet|mødet|tiden)|\b(?:är|er) (?:nu )?(?:bokad|booket|booka)\b",
        3.0,
    ),
)
PROPOSAL = pairs(
    (
        r"\b(?:vilken|vilket|hvilken|hvilket|hvilke) (?:tid|dag|tidspunkt|alternativ)\w* (?:passar|passer) (?:dig|deg) "
        r"(?:bäst|bedst|best)?|\b(?:passar|passer) (?:det|någon av|en af|noen av) [^.!?]{0,30}\?",
        3.0,
    ),
)
INVITE = pairs(
    (
        r"\b(?:vill|skulle vilja|vil gerne|vil gjerne|kunne godt tænke os at|ønsker å) (?:\w+ )?(?:träffa|bjuda in|invitere|møde"
        r"|møte|boka in ett samtal med|tale med) (?:dig|deg)\b|\bnär (?:passar det|har du tid)\b|\bhvornår passer det\b"
        r"|\bnår passer det\b",
        2.5,
    ),
)
NEXT_ROUND = pairs(
    (
        r"\b(?:nästa|andra|sista|avslutande|næste|anden|sidste|neste|siste) (?:steg|runda|intervju|runde|samtale|trin|intervjurunde)\b"
        r"|\bgå vidare till nästa\b",
        3.0,
    ),
)
ACTION = pairs(
    (
        r"\b(?:arbetsprov|arbejdsprøve|testopgave|caseopgave|personlighetstest|personlighedstest|arbeidsprøve|kodtest|kodetest)\b",
        3.5,
    ),
)
ACK = pairs(
    (
        r"\btack för din ansökan\b|\bvi har (?:tagit emot|mottagit|fått) din ansökan\b|\bdin ansökan (?:har|är) (?:nu )?"
        r"(?:skickats|mottagits|registrerats|inkommen)\b|\btak for din ansøgning\b|\bvi har modtaget din ansøgning\b"
        r"|\bdin ansøgning er (?:nu )?(?:modtaget|sendt)\b|\btakk for (?:din )?søknad\w*|\bvi har mottatt (?:din )?søknad\w*",
        3.0,
    ),
)
PROMISE = pairs(
    (
        r"\båterkommer (?:till dig |med besked |senast |inom |nästa )|\bhör av (?:oss|mig) (?:till dig )?(?:senast|inom|nästa"
        r"|i slutet|efter)\b|\bbesked (?:senast|inom|nästa vecka)\b"
        r"|\bvender tilbage (?:til dig|til jer|med|senest|inden)\b|\bgiver (?:dig )?(?:besked|svar)\b|\bhører fra os\b"
        r"|\bkommer tilbake til deg\b|\bgir deg (?:beskjed|svar)\b|\bhører fra oss\b",
        3.0,
    ),
)

# --- the user's own mail ------------------------------------------------------------------------------
USER_THANKS = pairs(
    (
        r"\btack (?:så mycket |igen |för sist |)?för (?:samtalet|intervjun|mötet|din tid|er tid|idag|i dag|ett bra|ett trevligt)"
        r"|\btak (?:for sidst|for (?:en )?(?:god |rigtig god |spændende |dejlig )?samtale|for interviewet|for din tid|for i dag)"
        r"|\btakk (?:for (?:sist|samtalen|intervjuet|praten|i dag|tiden))",
        3.0,
    ),
)
USER_FOLLOW_UP = pairs(
    (
        r"\b(?:något nytt|några nyheter|hur det går med|status på|nyt om|nyt i|hvordan det går med|nytt om|noe nytt)\b",
        3.0,
    ),
)
USER_WITHDRAW = pairs(
    (
        r"\b(?:dra tillbaka|återkalla) min ansökan\b|\btackat ja till (?:ett )?annat\b|\btrække min ansøgning tilbage\b"
        r"|\btakket ja til (?:et )?andet\b|\btrekke (?:min )?søknad\w*\b",
        4.0,
    ),
)
