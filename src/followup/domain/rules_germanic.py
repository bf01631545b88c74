"""German (Germany, Austria, Switzerland; Sie and du) and Dutch cue families, appended to the kind tables in
``followup.domain.rules_kinds`` (the same meanings as the English ones there).
"""

from __future__ import annotations

from followup.domain.rules_intl import pairs

HIRING = pairs(
    (
        r"\b(?:bewerbungsprozess|auswahlverfahren|auswahlprozess|bewerbungsverfahren|recruiting|personalabteilung"
        r"|talent acquisition|kandidatur|vakanz|sollicitatieprocedure|werving)\b",
        1.5,
    ),
)

# --- employer kinds ----------------------------------------------------------------------------------
OFFER = pairs(
    (  # "we'd love to bring you on board as ...", said in German or Dutch
        r"\b(?:möchten|wollen|würden|freuen uns,?) (?:\w+ ){0,3}?(?:dich|sie|euch) (?:\w+ ){0,8}?"
        r"(?:an bord holen|ins team holen|im team begrüßen|einstellen|für uns gewinnen|als (?:neue[nr]? )?kolleg\w* begrüßen)\b"
        r"|\b(?:willen|zouden) (?:je|jou|u) (?:graag )?(?:aannemen|in dienst nemen|verwelkomen als)\b",
        4.0,
    ),
    (
        r"\b(?:unser|ein|das|dein|ihr|euer|mein) (?:\w+ )?(?:vertrags|arbeits|job)?angebot\b[^.!?]{0,160}"
        r"\b(?:brutto|jahresgehalt|gehalt|urlaubstage|vergütung|startdatum|eintritt)\b"
        r"|\b(?:freuen|freue) (?:uns|mich),? (?:ihnen|dir|euch) (?:ein |unser )?(?:vertrags|job)?angebot\b"
        r"|\barbeidsovereenkomst\b|\b(?:contract|aanbod)\b[^.!?]{0,80}\b(?:salaris|bruto)\b",
        4.0,
        ("angebot", "arbeidsovereenkomst", "contract", "aanbod"),
    ),
    (r"^zusage\b|\bzusage (?:für|zur|zu) (?:der |die )?(?:stelle|position)\b", 2.0),
)
REJECTION = pairs(
    (  # the post filled with another candidate / someone whose profile fits better
        r"\b(?:stelle|position|vakanz)\b[^.!?]{0,100}\bmit (?:einer|einem) (?:anderen |internen |externen )?"
        r"\w*(?:kandidat|bewerber|person)\w* (?:zu )?(?:besetzen|besetzt)\b"
        r"|\b(?:stelle|position|vakanz)\b[^.!?]{0,60}\b(?:anderweitig|bereits|inzwischen|intern) (?:besetzt|vergeben)\b"
        r"|\b(?:können|werden) (?:ihnen|dir|euch) (?:leider )?(?:keine zusage|kein angebot|keine positive)"
        r"|\b(?:gegen (?:sie|dich)|für (?:eine|einen) andere[nr]? (?:kandidat|bewerber|person|profil)\w*) entschieden\b"
        r"|\bnicht (?:weiter )?(?:in betracht ziehen|berücksichtigen können)\b",
        4.0,
    ),
    (
        r"\b(?:gekozen|besloten|gaan|verder) (?:\w+ ){0,4}?met (?:een )?(?:andere?|één van de andere) (?:kandida\w*|sollicitant\w*)"
        r"|\b(?:vacature|functie)\b[^.!?]{0,40}\b(?:is|werd|wordt) (?:inmiddels |al )?(?:vervuld|ingevuld|vergeven)\b"
        r"|\bafwijzing\b",
        4.0,
    ),
)
WITHDRAWN = pairs(
    (
        r"\b(?:stelle|position|ausschreibung|vakanz|rekrutierung|besetzung|suche|auswahlverfahren)\b[^!?]{0,140}"
        r"\b(?:gestrichen|zurückgezogen|sistiert|pausiert|gestoppt|eingefroren|auf eis gelegt|ausgesetzt|storniert"
        r"|vorerst nicht besetzt|nicht mehr besetzt)\b"
        r"|\bbesetzen (?:sie|die stelle|die position) (?:\w+ ){0,3}?(?:mit niemandem|vorerst nicht|derzeit nicht|nicht mehr)\b"
        r"|\beinstellungsstopp\b",
        4.0,
        (
            "gestrichen",
            "zurückgezogen",
            "sistiert",
            "pausiert",
            "gestoppt",
            "eingefroren",
            "gelegt",
            "ausgesetzt",
            "storniert",
        )
        + ("besetz", "einstellungsstopp"),
    ),
    (
        r"\b(?:vacature|functie|werving|procedure)\b[^.!?]{0,80}\b(?:on hold|stopgezet|ingetrokken|gepauzeerd|geannuleerd"
        r"|bevroren|komt te vervallen|vervalt)\b|\b(?:vacaturestop|personeelsstop)\b",
        4.0,
    ),
)
RESCHEDULE = pairs(
    (
        r"\b(?:termin|gespräch|interview|kennenlernen)\b[^.!?]{0,50}\b(?:absagen|verschoben|verlegt|umlegen|tauschen)\b"
        r"|\b(?:gesprek|afspraak|interview)\b[^.!?]{0,40}\b(?:verzet|verplaatst|afzeggen|afgezegd|omgooien)\b",
        3.0,
    ),
)
CONFIRM = pairs(
    (
        r"\bbestätigen? (?:ich |wir )?(?:ihnen |dir |euch )?(?:gerne? |hiermit )?(?:den|das|ihren|deinen|unseren|unser|euren) "
        r"(?:\w+ )?(?:termin|gespräch|interview)\b|\b(?:dann )?machen wir(?:'s| es| das) (?:so |fix|fest)"
        r"|\b(?:termin|gespräch|interview) (?:steht|ist (?:fest )?eingeplant|ist bestätigt)\b",
        3.0,
    ),
)
PROPOSAL = pairs(
    (
        r"\bwelche[rsn]? (?:der )?(?:termin|zeitfenster|slot|option|uhrzeit|tag|vorschläge)\w* (?:ihnen|dir|euch) "
        r"(?:am besten |eher |besser )?(?:passt|passen|zusagt|zusagen|lieber)"
        r"|\b(?:folgende|diese|zwei|drei|einige|mehrere|ein paar) (?:termine|zeitfenster|slots|terminvorschläge|zeiten)\b"
        r"[^.!?]{0,60}\b(?:anbieten|vorschlagen|zur auswahl|zur verfügung)\b"
        r"|\b(?:schick|schicken sie|nennen sie|nenn|sende|senden sie)\b[^.!?]{0,40}\b(?:zeitfenster|termine|terminvorschläge"
        r"|verfügbarkeiten?)\b",
        3.0,
        (
            "welche",
            "termine",
            "zeitfenster",
            "slots",
            "terminvorschläge",
            "zeiten",
            "schick",
            "nenn",
            "sende",
        ),
    ),
    (
        r"\bwelk(?:e)? (?:moment|tijdstip|dag|optie)\w* (?:je|jou|u) (?:het beste |het best )?(?:schikt|past|uitkomt)"
        r"|\b(?:stuur|laat) (?:me|ons) (?:\w+ ){0,3}(?:weten wanneer|je beschikbaarheid|uw beschikbaarheid|een paar momenten"
        r"|een aantal momenten|tijden)\b",
        3.0,
    ),
)
INVITE = pairs(
    (  # Dutch "we'd like to get to know you" said without the pronoun, and picking a moment
        r"\b(?:willen|zouden|wil|zou) (?:we |wij |ik |graag )*(?:graag )?(?:kennismaken|kennis maken|een (?:\w+ )?gesprek"
        r" (?:plannen|inplannen))\b|\b(?:een )?(?:moment|tijdstip|tijdslot) (?:kiezen|uitkiezen|prikken|inplannen)\b",
        2.5,
    ),
    (
        r"\b(?:möchten|würden|wollen) (?:wir )?(?:sie|dich|euch) (?:\w+ ){0,8}?(?:kennenlernen|einladen|sprechen)\b"
        r"|\beinladung zu(?:m|r)? (?:\w+ )?(?:gespräch|kennenlern\w*|vorstellungsgespräch|interview)\b"
        r"|\b(?:willen|zouden) (?:je|jou|u) (?:graag )?(?:uitnodigen|spreken|ontmoeten|leren kennen)\b",
        2.5,
    ),
)
NEXT_ROUND = pairs(
    (
        r"\b(?:in die |zur )?(?:nächste|zweite|finale|letzte) (?:runde|phase|stufe|auswahlrunde)\b|\beine runde weiter\b"
        r"|\b(?:zweites|finales|abschließendes|zweiten|finalen|abschließenden) (?:gespräch|interview|kennenlernen)\b",
        3.0,
    ),
)
ACTION = pairs(
    (
        r"\b(?:arbeitsprobe|eignungstest|testaufgabe|persönlichkeitstest|online-test|online-assessment|code-challenge"
        r"|programmieraufgabe)\b",
        3.5,
    ),
)
ACK = pairs(
    (
        r"\beingang (?:ihrer|deiner|der|ihre[rn]?) (?:bewerbung|unterlagen|bewerbungsunterlagen)\b|\beingangsbestätigung\b"
        r"|\b(?:bewerbung|unterlagen|bewerbungsunterlagen)\b[^.!?]{0,60}\b(?:erhalten(?! sie\b| du\b)|übermittelt|gesendet|versendet|weitergeleitet"
        r"|eingereicht)\b|^bewerbung (?:übermittelt|versendet|gesendet|eingegangen)\b",
        3.0,
    ),
    (
        r"\bsollicitatie\b[^.!?]{0,40}\b(?:ontvangen|verzonden|verstuurd|doorgestuurd)\b"
        r"|\bbedankt voor (?:je|jouw|uw) (?:interesse|reactie) (?:in|op) (?:de|onze) (?:vacature|functie)\b",
        3.0,
    ),
    (  # the thanks for applying and the papers received, in Dutch ("dank je wel voor je sollicitatie", "we
        # hebben je cv en motivatie goed ontvangen")
        r"\b(?:bedankt|dank (?:je|u) (?:wel )?) voor (?:je|jouw|uw) sollicitatie\b"
        r"|\b(?:hebben|heb) (?:je|jouw|uw) (?:cv|sollicitatie|motivatie\w*|gegevens)\b[^.!?]{0,40}\bontvangen\b",
        3.0,
    ),
)
PROMISE = pairs(
    (  # the date before the answer ("werden Ihnen bis zum 27. März eine Rückmeldung geben")
        r"\b(?:werden|wird|werde|möchten)\b[^.!?]{0,30}\b(?:bis|spätestens|innerhalb|noch vor|vor)\b(?:[^.!?]|(?<=\d)\.){0,40}"
        r"\b(?:rückmeldung|bescheid|antwort|entscheidung|nachricht)\w* (?:geben|zukommen lassen|mitteilen|treffen|erhalten"
        r"|bekommen|senden)\b",
        3.0,
    ),
    (
        r"\b(?:rückmeldung|entscheidung|bescheid|antwort|feedback)\b[^.!?]{0,60}\b(?:erhalten sie|erhältst du|bekommen sie"
        r"|bekommst du|geben wir|gebe ich|zwischen dem|bis (?:zum|spätestens|ende|mitte|anfang)|ende (?:der|nächster)"
        r"|anfang (?:der|nächster))\b"
        r"|\b(?:melde|melden) (?:ich mich|wir uns)\b[^.!?]{0,40}\b(?:bis|spätestens|innerhalb|nächste|ende|anfang|zwischen)\b"
        r"|\b(?:werden|kommen|komme|werde)\b[^.!?]{0,60}\bauf (?:sie|dich|euch) zu(?:kommen)?\b",
        3.0,
    ),
    (
        r"\b(?:je|jij|u) (?:hoort|ontvangt|krijgt)\b[^.!?]{0,40}\b(?:van (?:ons|mij)|bericht|uitsluitsel|terugkoppeling|reactie"
        r"|antwoord)\b|\b(?:we|wij|ik) (?:laten|koppelen|komen)\b[^.!?]{0,40}\b(?:weten|terug)\b",
        3.0,
    ),
)

# --- the user's own mail ------------------------------------------------------------------------------
USER_THANKS = pairs(
    (
        r"\b(?:danke(?:schön)?|vielen dank|herzlichen dank|lieben dank|besten dank|merci)(?: dir| euch| ihnen)?"
        r"(?: nochmal| nochmals| noch einmal| vielmals)? für (?:das|die|den|deine|eure|ihre|unser|unseren) (?:\w+ ){0,3}?"
        r"(?:gespräch|zeit|austausch|interview|kennenlernen|einblicke?|treffen|termin)\b",
        3.0,
    ),
    (
        r"\b(?:dank|dankjewel|dankuwel|bedankt) (?:je |jullie |u )?(?:nogmaals |nog )?(?:wel )?voor (?:het|de|jullie|uw|je) "
        r"(?:\w+ ){0,3}?(?:gesprek|tijd|kennismaking|interview)\b",
        3.0,
    ),
)
USER_FOLLOW_UP = pairs(
    (
        r"\b(?:wollte|möchte) (?:mich )?(?:kurz |einmal |nochmal |gerne? )?(?:nachhaken|nachfragen|erkundigen)\b"
        r"|\bgibt es (?:schon |bereits )?(?:einen )?(?:neuen )?(?:stand|neuigkeiten|eine entscheidung)\b"
        r"|\b(?:is er|zijn er) (?:al )?(?:nieuws|een update|ontwikkelingen)\b",
        3.0,
    ),
)
USER_WITHDRAW = pairs(
    (
        r"\b(?:ziehe|möchte|werde) (?:\w+ ){0,3}?bewerbung (?:\w+ ){0,3}?zurück(?:ziehen)?\b"
        r"|\b(?:ein anderes (?:angebot|jobangebot) angenommen|für ein anderes angebot entschieden|anderweitig entschieden)\b",
        4.0,
    ),
)
