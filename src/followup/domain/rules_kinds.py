"""Cue tables for each message kind: the employer's (offer, rejection, scheduling, promises...) and the
user's own mail (thanks, follow-up, withdrawal). Patterns describe meaning in English, German, French,
Spanish and Dutch; ``followup.domain.rules`` holds the matching engine and the context tables.
"""

from __future__ import annotations

from followup.domain.rules import cues

__all__ = [
    "OFFER",
    "REJECTION",
    "WITHDRAWN",
    "RESCHEDULE",
    "CONFIRM",
    "PROPOSAL",
    "INVITE",
    "NEXT_ROUND",
    "ACTION",
    "ACK",
    "PROMISE",
    "COMING_IN",
    "USER_THANKS",
    "USER_FOLLOW_UP",
    "USER_WITHDRAW",
    "AGENCY_SUBMIT",
    "DECISION_MOVED",
    "PAST_CONTACT",
    "REFERENCE_ASK",
]

# --- employer kinds ----------------------------------------------------------------------------
OFFER = cues(
    (r"\b(?:offer|extend) you (?:the|a|an|our)?\s*(?:[\w&,/()-]+\s+){0,6}?(?:position|role|job|post)\b", 4.0),
    (
        r"\b(?:pleased|delighted|thrilled|happy|excited) to (?:extend|make|offer|share|confirm)\b.{0,60}\boffer\b",
        4.0,
    ),
    (r"\bconfirm (?:our|your|the) (?:job )?offer\b", 3.5),
    (
        r"\b(?:extend(?:ing)? (?:you )?an offer|job offer|offer of employment|formal offer|written offer|offer letter"
        r"|your offer (?:from|letter|package))\b",
        3.0,
    ),
    (r"\bwould like to offer you\b|\bwe(?:'d| would) love to offer\b", 3.5, ("to offer",)),
    (
        r"\b(?:want|wants|would like|'d like|would love|'d love|decided|excited) to (?:bring you on ?board|welcome you (?:to the team|aboard|on ?board))"
        r"|\bofrecer(?:te|le)\b.{0,30}\b(?:puesto|posición|plaza|cargo)\b|\bcarta (?:de )?oferta\b",
        4.0,
    ),
    (
        r"\b(?:attached|enclosed|find|here) (?:is |are )?(?:your|the|our|an?) (?:formal |written |updated |revised |new )?"
        r"(?:offer letter|offer of employment|offer|employment contract|contract of employment)\b"
        r"|\b(?:updated|revised|improved|amended) (?:offer|offer letter|package)\b",
        4.0,
    ),
    (
        r"\b(?:base salary|sign(?:ing|-on) bonus|equity grant|relocation package)\b.{0,160}\boffer\b",
        3.5,
    ),
    (
        r"\b(?:aanbod|arbeidsvoorwaardenvoorstel|contractvoorstel)\b.{0,40}\b(?:doen|voor de functie|sturen)\b"
        r"|\barbeidsvoorwaardenvoorstel\b|\b(?:te|le|vous) (?:ofrecemos|ofrecer|proposer) (?:el puesto|la posición|le poste)",
        4.0,
        ("aanbod", "arbeidsvoorwaardenvoorstel", "contractvoorstel", "ofrecemos", "ofrecer", "proposer"),
    ),
    (
        r"\b(?:like|love|want|delighted|thrilled|excited) (?:for )?you to join\b.{0,40}\bas (?:our|a|an|the)\b",
        3.5,
    ),
    (
        r"\b(?:the|our|your|this) (?:job |formal |verbal )?offer\b.{0,80}\b(?:base salary|salary of|annual salary|target bonus"
        r"|sign(?:ing|-on) bonus|stock options|rsus?|equity grant)\b",
        3.5,
    ),
    (
        r"\b(?:vertragsangebot|arbeitsvertrag|angebot (?:für|zur) (?:die )?(?:stelle|position)"
        r"|(?:die|diese) (?:stelle|position) (?:als .{0,60})?anbieten)\b",
        4.0,
    ),
    (
        r"\b(?:proposition d'embauche|offre d'emploi (?:pour vous)?|lettre d'offre|oferta (?:de trabajo|laboral|formal))\b",
        3.5,
    ),
    (r"\bplease docusign\b|\b(?:review and sign|sent you a document to (?:review and )?sign)\b", 1.5),
)
REJECTION = cues(
    (
        "\\bnot (?:be )?(?:moving|going|proceeding|progressing) (?:forward|ahead|further)\\s+with (?:your|you)\\b|\\bwon'?t be (?:moving|going|proceeding) (?:forward|ahead)\\b|\\b(?:continue|proceed|go ahead|move ahead) with (?:other|another|different) (?:candidates?|applicants?)\\b",
        4.0,
        ("forward", "ahead", "further", "with other", "with another", "with different"),
    ),
    (
        "\\b(?:otros candidatos|otro candidato|otra candidata|d'autres candidats|un autre candidat|andere[nmrs]? (?:\\w+ )?(?:kandidat|bewerber)\\w*)",
        3.0,
    ),
    (
        "\\b(?:hemos decidido|nous avons décidé|wir haben uns entschieden|haben wir uns (?:\\w+ )?entschieden)\\b",
        1.0,
    ),
    (
        r"\b(?:decided|chosen|elected|decision) (?:not )?to (?:move|go|proceed) forward with (?:an?other|other|a different)"
        r"|\bmove forward with (?:an?other|other) candidates?\b",
        4.0,
    ),
    (
        r"\b(?:decided|chose|choose|decision) (?:not to (?:move|proceed|progress|continue)|to pursue other)"
        r"|\bpursue other candidates\b|\bpursue candidates\b",
        4.0,
    ),
    (
        r"\bnot (?:be )?(?:moving|taking|progressing|proceeding) (?:forward |further )?with your (?:application|candidacy)"
        r"|\bwon'?t be (?:taking|moving|progressing) (?:yours|your application|you) (?:further|forward)"
        r"|\bnot (?:to )?progress your application|\bwill not be progressed\b"
        r"|\b(?:won'?t|will not|not) be (?:progressing|moving|taking) (?:forward )?(?:with )?your (?:application|candidacy)"
        r"|\b(?:won'?t|will not|not|unable to|cannot|can'?t) (?:be )?(?:able to )?(?:progress(?:ing)?|tak(?:e|ing)|mov(?:e|ing))"
        r" (?:it|this|yours|you|them|your (?:application|candidacy|candidature|profile))"
        r" (?:any )?(?:further|forward)\b"
        r"|\b(?:go|going|gone|went|head|heading) (?:in|with) (?:a different|another|a new|other) direction\b"
        r"|\b(?:won'?t|will not|not) be (?:inviting|asking|taking) you (?:to|for|forward to) (?:an? |the )?(?:interview|next stage)"
        r"|\b(?:won'?t|will not|not) be (?:extending|making) (?:you )?an offer\b",
        4.0,
        (
            "your application",
            "your candidacy",
            "further",
            "forward",
            "progress",
            "direction",
            "inviting",
            "asking",
            "taking you",
            "an offer",
        ),
    ),
    (
        r"\b(?:offered|given|extend(?:ed)? an offer|extend the offer|make an offer) (?:the (?:role|position|job) )?to (?:another|a different|someone)"
        r"|\b(?:role|position|job|vacancy) has (?:now )?been filled|\bfilled (?:this|the) (?:role|position) internally"
        r"|\bhave filled (?:the|this)\b|\bsuccessful candidate\b|\bwent with (?:another|a different) candidate",
        4.0,
    ),
    (
        r"\b(?:move|moving|go|going|proceed|proceeding) forward with (?:an?other|other|different|a different|more)?\s*"
        r"(?:candidates?|applicants?|profiles?)\b"
        r"|\b(?:continue|proceed|move|go) (?:ahead |forward )?with (?:an?other|other|different|a different) (?:candidates?|applicants?"
        r"|profiles?|people|finalists?)\b|\bchosen to (?:move|go) (?:ahead|forward) with (?:an?other|a different|someone)\b",
        4.0,
        ("forward with", "with another", "with other", "with different", "with a different", "chosen to"),
    ),
    (
        r"\bunfortunately\b|\bregrettably\b|\bregret to (?:inform|let you know)\b|\bi'?m (?:afraid|sorry to (?:tell|let|inform))",
        1.5,
        ("unfortunately", "regrettably", "regret to", "afraid", "sorry to"),
    ),
    (
        r"\b(?:not (?:been )?(?:selected|shortlisted)|unsuccessful|not a (?:match|fit) (?:at this time|for this role))\b",
        3.0,
    ),
    (
        r"\bkeep your (?:details|cv|resume|information|profile) on file\b|\bfuture (?:openings|opportunities|roles)\b",
        1.0,
    ),
    (r"\bleider\b", 1.5),
    (r"\bon this occasion\b|\bat this (?:time|stage)\b.{0,40}\b(?:not|other)\b", 1.0),
    (r"\babsage\b", 2.5),
    (
        r"\bnicht (?:weiter )?berücksichtig|\bfür (?:einen|eine) andere(?:n)? (?:kandidat|bewerber)|\bnicht in die engere wahl"
        r"|\bfür (?:einen|eine) andere(?:n)? \w*(?:kandidat|bewerber)\w* entschieden"
        r"|\bmit (?:einer|einem|einen|anderen?) \w*(?:kandidat|bewerber)\w*.{0,60}\b(?:fort(?:zu)?setzen|weiter(?:zu)?gehen|weiterführen)"
        r"|\b(?:deren|dessen) (?:profil|erfahrung|qualifikation)\w*.{0,60}\bbesser\b",
        3.0,
        ("berücksichtig", "kandidat", "bewerber", "engere wahl", "besser"),
    ),
    (
        r"\b(?:malheureusement|ne pas donner suite|pas retenue?|autre candidat|lamentablemente|no ha sido seleccionad|"
        r"otro candidato|no continuar)\w*",
        2.5,
    ),
    (
        r"\bn'a pas (?:été )?retenue?\b|\bn'avons pas (?:pu )?retenir\b|\bau regret de\b|\bno hemos podido avanzar\b"
        r"|\b(?:ne|pas)\b[^.!?]{0,40}\bdonner (?:une )?suite (?:favorable )?à (?:votre|ta) candidature"
        r"|\b(?:continuar|seguir|avanzar)(?: (?:el|con el) proceso)? con otr[oa]s (?:perfil|candidat|persona|profesional)\w*"
        r"|\b(?:otros perfiles|otras candidaturas)\b.{0,60}\b(?:ajust|encaj)\w*"
        r"|\bniet (?:verder )?(?:gaan )?met (?:je|jouw|uw) sollicitatie\b|\bgekozen voor (?:een )?(?:andere )?kandida\w*",
        4.0,
        (
            "retenu",
            "retenir",
            "au regret",
            "podido avanzar",
            "donner",
            "con otr",
            "otros perfiles",
            "otras candidaturas",
            "sollicitatie",
            "gekozen voor",
        ),
    ),
    (r"\bhelaas\b", 1.5),
    (
        r"\b(?:selected|chosen|hired|identified|offered (?:it|the role|the position) to) (?:an)?other (?:candidates?|applicants?)\b"
        r"|\b(?:other|another) (?:candidates?|applicants?) whose (?:background|experience|skills|qualifications|profile)"
        r"|\b(?:another|other|the other) (?:candidates?|applicants?|finalists?) (?:had|has|have) (?:the|an) edge\b"
        r"|\bfür andere \w*(?:bewerber|kandidat)\w*(?: und \w*(?:bewerber|kandidat)\w*)? entschieden",
        4.0,
    ),
)
WITHDRAWN = cues(
    (
        r"\b(?:position|role|requisition|req|vacancy|opening|search|job)\b.{0,60}\b(?:on hold|cancell?ed|closed|paused"
        r"|frozen|withdrawn|no longer (?:open|available|being filled))\b",
        4.0,
    ),
    (
        r"\b(?:put|placed|putting) (?:the |this |our )?(?:[\w,&-]+\s+){0,6}?(?:on hold)\b|\bhiring freeze\b"
        r"|\bclosed the requisition\b|\bnot (?:be )?making an appointment\b|\bno longer hiring\b"
        r"|\b(?:decided|decision) not to fill\b|\b(?:won'?t|will not|not) be filling\b|\bnot to (?:fill|hire for)\b"
        r"|\b(?:role|position|requisition) (?:has been|was|is being) (?:eliminated|cancell?ed|withdrawn)\b"
        r"|\b(?:(?:decided|decision|had|need|needed|have) to|(?:are|have|'ve|has|had) (?:been )?)\s*(?:pause|paused|pausing|freeze"
        r"|freezing|frozen|halt|halted|suspend(?:ed|ing)?|stop(?:ped)?) (?:all )?(?:hiring|recruiting|recruitment|the search"
        r"|the (?:\w+ )?(?:role|position|search))\b(?! (?:while|until|during))",
        4.0,
    ),
    (
        r"\b(?:stelle|position|ausschreibung)\b.{0,60}\b(?:gestrichen|zurückgezogen|nicht (?:mehr )?besetzt|auf eis"
        r"|pausiert)\b|\bposte (?:annulé|suspendu)|\bpuesto (?:cancelado|en pausa)",
        4.0,
    ),
)
RESCHEDULE = cues(
    (
        r"\b(?<!you )(?<!to )(?:need|have|had|want|like) to (?:reschedule|postpone|move|push|shift|cancel)\b"
        r"(?!\?)(?!\s+(?:you\b|forward|ahead|on\b|things))|\bpostpone\b"
        r"|\b(?:interview|call|conversation|meeting|chat|session|appointment|slot)\b.{0,40}\b(?:rescheduled|postponed|moved|pushed)\b"
        r"|\b(?:rescheduled|postponed|moved|pushed) (?:\w+ ){0,3}(?:interview|call|conversation|meeting|chat|session)\b"
        r"|\b(?:could|can) (?:we|i) (?:move|shift|push|reschedule)\b|\bmoving (?:your|our|the) (?:interview|call|conversation|meeting)"
        r"|\bnew (?:time|date|slot)\b(?!s? to choose)|\bchange (?:of|to) the (?:time|date)|\b(?:time|date) (?:has )?changed",
        3.0,
        (
            "reschedul",
            "postpone",
            "move",
            "moving",
            "push",
            "shift",
            "cancel",
            "new time",
            "new date",
            "new slot",
            "change",
        ),
    ),
    (
        r"\b(?:verschieben|verlegen|neuer termin|aktualisiert|terminänderung|reporter|décaler|nouvel horaire"
        r"|reprogramar|aplazar|nueva hora|cambiar la (?:fecha|hora)|verzetten|verplaatsen|andere tijd)\w*",
        3.0,
    ),
    (r"\bupdated (?:invite|invitation|calendar)\b|^updated invitation\b", 2.0),
    (r"\b(?:has been|have been|was|been) rescheduled\b|^rescheduled\b", 3.0),
)
CONFIRM = cues(
    (
        r"\b(?:interview|call|conversation|chat|meeting|screen|onsite|round|review|deep-dive|session)\b[^.\n]{0,40}"
        r"\b(?:is|has been|now) (?:confirmed|booked|scheduled|set)\b",
        3.0,
    ),
    (
        r"\b(?:you'?re|you are) (?:all set|booked|confirmed|scheduled)\b|\bconfirmed for\b|\bconfirm your\b"
        r"|\bhappy to confirm\b|\b(?:i'?ve|we'?ve|i have|we have) (?:set up|scheduled|booked|locked in|confirmed)\b",
        3.0,
    ),
    (
        r"^(?:re:\s*)?(?:confirmed|confirmation|interview confirmation|invitation|einladung|bestätigung)\b",
        2.5,
    ),
    (
        r"\b(?:i'?ll|we'?ll|(?:s?he|they)'?ll|will) (?:call|ring|phone|see|meet) you\b|\bcan do (?:next|this)?\s*\w+day\b"
        r"|\blet'?s do\b|\blet'?s (?:say|go with)\b|\blooking forward to (?:seeing|meeting|speaking with) you (?:on|at)\b",
        2.5,
    ),
    (
        r"\b(?:here'?s|please find|find below|attached is|use) (?:the |your )?(?:\w+\s+){0,3}(?:invite|invitation|link|details)\b",
        1.5,
    ),
    (r"\b(?:date|time|when|datum|uhrzeit|termin)\s*:", 1.5),
    (
        r"\b(?:laden (?:wir )?sie .{0,60}ein|einladung (?:für|zu) unser|hiermit die einladung|gespräch am)\b"
        r"|\bnous vous (?:invitons|confirmons)\b|\b(?:je vous|te|le|se lo) confirm[oe]\b|\bqueda confirmad"
        r"|\bhiermit bestätige\b|\b(?:ik )?bevestig\b|\bingepland op\b|\bhebben (?:het|je|jullie) .{0,20}ingepland\b",
        2.5,
    ),
    (r"^(?:erinnerung|reminder)\b|\breminder (?:about|of|for)\b|\bkurze erinnerung\b", 2.5),
)
PROPOSAL = cues(  # a time proposed or asked for, not fixed
    (
        r"\b(?:would|does|do|will|could|can)\s+(?:[^\s?.!]+\s+){0,7}?(?:work|suit)(?:\s+(?:for|with) you)?\s*\?",
        3.0,
    ),
    (
        r"\b(?:are|were|would) you (?:be )?(?:free|available|around)\b|\bany chance you'?re\b|\bdo you have time\b",
        3.0,
    ),
    (
        r"\b(?:which|what) (?:one |time |slot |day |option )?(?:do you prefer|works|suits|would you prefer)\b"
        r"|\blet me know which\b|\bhere are (?:a (?:couple|few) of )?(?:new )?options\b|\boptions?\b.{0,30}:",
        3.0,
    ),
    (
        r"\bpasst (?:ihnen|es ihnen|dir)\b|\bwäre(?:n)? sie .{0,30}verfügbar\b|\bvous convient\b|\ble viene bien\b"
        r"|\b(?:seriez|êtes)-vous disponible|\bestar(?:í|i)as disponible|\bhätten sie .{0,30}zeit\b"
        r"|\b(?:ben je|bent u|zou je) .{0,20}beschikbaar\b|\bheb je .{0,20}\btijd\b",  # "heb je donderdag tijd", not "in de tussentijd"
        3.0,
    ),
)
INVITE = cues(
    (
        "\\b(?:suggest|propose|send|share|offer) (?:me |us )?(?:a few|some|a couple of|your|two or three)\\s*(?:slots|times|windows|dates|options|availability)\\b|\\bfind (?:a |some )?(?:time|\\d+ minutes)\\b|\\bthat suits? you\\b",
        2.5,
    ),
    (
        r"\b(?:pick|choose|select|grab|book|find) (?:a |any |whatever |the )?(?:time|slot|date|times)\b"
        r"|\bscheduling link\b|\bself-schedul|\bon my calendly\b",
        3.0,
    ),
    (
        r"\b(?:share|send|let me know|reply with) (?:me |us )?(?:your |a few |a couple of |some )?(?:availability|times|windows|"
        r"slots|options|dates)\b|\bavailability\b(?!\s*:)",
        2.5,
    ),
    (
        r"\b(?:would|'d) (?:love|like) to (?:meet|speak|talk|chat) (?:with )?you\b|\b(?:would|'d) like to (?:set up|schedule|arrange|invite you)\b"
        r"|\b(?:set up|schedule|arrange) (?:a|an|your|the)\s+(?:[\w-]+\s+){0,3}?(?:interview|call|chat|conversation|meeting|screen)\b",
        2.5,
        ("love to", "like to", "set up", "schedule", "arrange"),
    ),
    (
        r"\b(?:would you be|are you) (?:up for|interested in|available for|open to)\b"
        r"|\bget you on the calendar\b|\bquick (?:call|chat)\??",
        2.5,
    ),
    (
        r"\b(?:möchten|würden) (?:wir )?sie (?:gerne? )?(?:kennenlernen|einladen)\b|\bterminvorschläge\b|\bverfügbarkeit"
        r"|\bdisponibilités\b|\bdisponibilidad\b",
        2.5,
    ),
    (
        r"\b(?:möchten|würden|laden)\b[^.!?\n]{0,80}\b(?:einladen|kennenlernen|ein)\b[^.!?\n]{0,3}[.!]"
        r"|\b(?:an welchen tagen|wann (?:sie|du)|welche termine)\b[^.!?]{0,60}\b(?:zeit|passen|können)"
        r"|\b(?:souhaiterions|aimerions|souhaitons|voudrions)\s+(?:vous rencontrer|échanger avec vous|vous inviter|faire votre connaissance)"
        r"|\bnos gustaría (?:conocerte|entrevistarte|invitarte|hablar contigo|tener una)"
        r"|\b(?:qué|cuándo) (?:días|día|horas?|momento)\b[^?]{0,40}\b(?:vendría|viene|va bien|puedes)"
        r"|\b(?:wanneer|welke dagen)\b[^?]{0,40}\b(?:tijd|beschikbaar|schikt)|\bkennismakingsgesprek\b",
        2.5,
    ),
)
NEXT_ROUND = cues(
    (
        r"\bnext (?:round|stage|interview round)\b|\bround (?:2|two|3|three)\b"
        r"|\b(?:to|for|into|is|be) (?:the |our |a |your )?(?:final|second|third|last)[ -](?:round|stage|interview)"
        r"|\b(?:to|for|into|is|be) (?:the |our |a |your )?(?:technical|onsite) (?:round|stage)",
        3.0,
    ),
    (
        r"\bmove (?:you )?(?:forward )?to the (?:next|final|technical|second)\b|\bmove you forward\b|\bmoving you forward\b",
        3.0,
    ),
    (
        r"\b(?:the |our )?next step(?: in (?:our|the) process)? (?:is|will be|would be)\b|\bthat'?s the next step\b"
        r"|^next (?:step|round)s?:",
        2.5,
        ("next step", "next round"),
    ),
    (
        r"\b(?:invite you to|bring you (?:in|to)) (?:our|an?|the) (?:virtual )?(?:onsite|final|panel|on-site)\b"
        r"|\bvirtual onsite\b|\bportfolio review\b|\bhiring manager(?:,|\s+)(?:\w+\s+){0,3}?(?:would like|wants) to meet you\b",
        2.0,
    ),
    (
        r"\b(?:feedback|notes) (?:was|were|is) (?:very |really |overwhelmingly )?positive\b|\bcame out of (?:your|the)\b"
        r"|\b(?:loved|liked) your (?:submission|take-home|presentation|call|chat)\b|\b(?:shared|passed) my notes\b"
        r"|\bgreat (?:chatting|talking|speaking|to (?:chat|talk|speak))\b|\b(?:really )?enjoyed (?:your|the) (?:call|chat|conversation)",
        2.0,
    ),
    (
        r"\bnächste (?:runde|stufe)\b|\bzweites gespräch\b|\bprochaine étape\b|\bsiguiente (?:fase|ronda)\b"
        r"|\b(?:second|deuxième|prochain|dernier) tour\b|\bretenue? pour (?:le|la|un|une) (?:second|deuxième|prochain|suite|étape)"
        r"|\b(?:has|han) superado (?:la|el) (?:primera|primer)\b|\b(?:segunda|siguiente|última) (?:fase|entrevista|ronda)\b"
        r"|\b(?:tweede|volgende|laatste) (?:gesprek|ronde|gespreksronde)\b|\bzweite(?:n|s)? (?:runde|gespräch|gesprächsrunde)\b",
        3.0,
    ),
)
ACTION = cues(
    (
        r"\b(?:two|three|\d|a few|some|your) (?:professional )?references\b|\breferences?\b.{0,80}\b(?:send|names|contact)"
        r"|\b(?:speak|talk) (?:with|to) (?:two |your )?references\b|\breferenzen\b|\bréférences\b|\breferencias\b",
        3.5,
        ("reference", "referenzen", "références", "referencias"),
    ),
    (
        r"\btake[- ]home\b|\bwork sample\b|\bcoding (?:challenge|exercise|test|assignment)\b|\b(?:online |skills? )?assessment\b"
        r"|\bcase study\b.{0,40}\b(?:complete|send|submit)\b|\bassignment\b|\bprobeaufgabe\b|\bfallstudie\b|\bcas pratique\b"
        r"|\bcaso práctico\b|\bprueba técnica\b|\bejercicio (?:práctico|técnico)\b|\bexercice (?:technique|pratique)\b"
        r"|\bthuisopdracht\b|\bcase-opdracht\b|\bcasus\b"
        r"|\b(?:personality|psychometric|aptitude|numerical|verbal|logical|situational judg(?:e)?ment) (?:questionnaire|tests?"
        r"|reasoning|assessment)",
        3.5,
    ),
    (
        r"\b(?:background check|right[- ]to[- ]work|transcripts?|portfolio samples?|writing samples?|pre-employment"
        r"|proof of (?:identity|address|eligibility))\b",
        2.0,
    ),
    (
        r"\b(?:arbeitszeugnisse|zeugnisse|gehaltsvorstellung|eintrittstermin)\b.{0,120}\b(?:zukommen|senden|schicken|übermitteln)"
        r"|\b(?:zukommen zu lassen|nachzureichen)\b",
        3.5,
    ),
    (
        r"\b(?:could|can|would) you (?:please )?(?:send|complete|submit|fill|upload|provide)\b"
        r"|\bplease (?:send|complete|submit|upload|provide|return)\b"
        r"|\bneed you to (?:complete|send|submit|fill|return|sign|provide)\b",
        1.5,
    ),
)
ACK = cues(
    (
        r"\b(?:received|got|have) (?:your |the )?application\b|\bapplication (?:has been |was |is )?(?:received|submitted"
        r"|sent|in\b|made it)",
        3.0,
    ),
    (r"\bapplication is (?:now )?with\b", 1.5),  # where it is, said in passing: not a receipt
    (
        r"\bthanks? (?:you )?(?:so much )?for (?:applying|your application|submitting your application)\b"
        r"|\bapplication\b.{0,80}\bis in\b|\breceived your (?:documents|cv|resume)\b",
        3.0,
    ),
    (
        r"\b(?:we(?:'ll| will) (?:review|look (?:over|at))|(?:is|are) reviewing)\b.{0,40}\b(?:application|profile|cv|qualifications)?",
        1.0,
        ("review", "look over", "look at"),
    ),
    (
        r"\b(?:if (?:your|there'?s a|it looks like a|we'd like)|should your)\b.{0,80}\b(?:match|fit|next steps|learn more|contact you|reach out)",
        1.5,
    ),
    (
        r"\b(?:eingang (?:ihrer|deiner) bewerbung|bewerbung (?:ist )?(?:bei uns )?eingegangen|vielen dank für (?:ihre|deine) bewerbung)\b"
        r"|\bnous avons bien reçu votre candidature\b|\bhemos recibido tu candidatura\b"
        r"|\bdass (?:du dich|sie sich) .{0,60}beworben (?:hast|haben)\b|\bdeine bewerbung (?:bei .{0,40})?(?:ist|wurde) (?:bei uns )?(?:angekommen|eingegangen)"
        r"|\baccus\w+ (?:bonne )?réception de votre (?:candidature|dossier)\b"
        r"|\bgracias por (?:postularte|postular|aplicar|inscribirte|tu postulación)\b|\brecibimos tu (?:solicitud|candidatura|postulación|cv)\b",
        3.0,
    ),
    (
        r"\b(?:unterlagen|bewerbung) (?:sind|ist) (?:vollständig |gut )?(?:bei uns )?(?:eingegangen|angekommen)"
        r"|\b(?:remercions|merci) (?:pour|de) votre candidature\b|\bnous l'avons bien reçue?\b|\bbien reçu votre (?:candidature|cv)"
        r"|\bgracias por (?:tu|su) (?:candidatura|solicitud|postulación)\b|\bhemos recibido (?:tu|su) (?:candidatura|solicitud|cv)"
        r"|\bbedankt voor (?:je|jouw|uw) sollicitatie\b|\bin goede orde ontvangen\b|\bsollicitatie (?:is )?ontvangen\b"
        r"|\b(?:hebben|ontvingen) (?:je|jouw|uw) sollicitatie\b.{0,60}\bontvangen\b|\breceipt of your (?:application|cv|resume)\b",
        3.0,
    ),
)
PROMISE = cues(
    (
        "\\b(?:expect|hope|plan|aim|intend)(?:s|ing)? to (?:\\w+ ){0,4}?(?:give you|send you|share|let you know|come back|get back)\\b.{0,30}\\b(?:decision|answer|update|feedback|news|by|within|next|end)\\b",
        3.0,
    ),
    (
        "\\b(?:we|i|and)(?:'ll| will| would| should)\\s+(?:\\w+\\s+){0,2}?(?:update you|let you know|get back to you|be in touch(?! (?:with|about|regarding|to (?:set|schedule|arrange|lock in|book|find|fix|confirm|sort out|line up)) (?:some |a few |the |possible )?(?:dates|times|options|slots|availability|scheduling|logistics|details))|give you (?:an?|our) (?:answer|decision|update)|come back to you|reach out)\\b",
        2.0,
    ),
    (
        "\\b(?:once|when|as soon as) (?:we|i)(?:'ve| have)? (?:made|reached|have) (?:a|our|the) (?:final )?decision\\b",
        1.5,
    ),
    (
        r"\b(?:we|i)(?:'ll| will| should| expect to| aim to| hope to|'re aiming to| are aiming to| plan to| intend to)\s+"
        r"(?:\w+\s+){0,3}?(?:let you know|get back to (?:you|everyone|candidates)|be in touch(?! (?:with|about|regarding|to (?:set|schedule|arrange|lock in|book|find|fix|confirm|sort out|line up)) (?:some |a few |the |possible )?(?:dates|times|options|slots|availability|scheduling|logistics|details))|come back to you|update you"
        r"|have (?:a|an|the) (?:final )?(?:decision|answer|update)|make (?:a|the|our) (?:final )?decision|decide|finali[sz]e"
        r"|(?:come|get) back to (?:all|the|our|every)\s*(?:\w+ )?(?:finalists|candidates|applicants|shortlist)"
        r"|wrap (?:up|things up)|reach out|circle back|follow up with you|share (?:an update|feedback|news))",
        3.0,
    ),
    (
        r"\b(?:expect|hope|plan|aim)(?:s|ing)? to (?:have|make|reach|finali[sz]e|wrap|decide|get back)\b.{0,30}\b(?:decision|by|within|"
        r"next|end)\b|\bdecision (?:by|before|within|early|end|next)\b",
        3.0,
    ),
    (
        r"\b(?:you(?:'ll| will| can expect to| should) hear (?:from (?:us|me) |back )?(?:by|within|before|next|early|at the"
        r"|in the|soon)|hear (?:back )?from (?:us|me) (?:by|within))",
        3.0,
    ),
    (
        r"\b(?:in the coming days|after the (?:holidays|break|festive (?:period|season))|where we land"
        r"|as soon as (?:i|we) (?:have|know|hear)|(?:early|later|end of) next week|within (?:\w+ )?"
        r"(?:days|weeks|business days)|by (?:the )?end of (?:the |this |next )?(?:week|month))\b",
        1.5,
    ),
    (
        r"\b(?:melden (?:uns|mich)|rückmeldung|entscheidung)\b.{0,40}\b(?:bis|innerhalb|nächste|spätestens)\b"
        r"|\b(?:zeitnah|in kürze|in den (?:nächsten|kommenden) tagen)\b.{0,40}\b(?:melden|rückmeldung|bescheid)"
        r"|\bwir werden uns .{0,50}\bmelden\b|\b(?:vous )?ferons un retour\b|\bvous faire un retour\b|\bvous donner (?:une )?réponse\b"
        r"|\bnous reviendrons vers vous\b|\bvous tiendrons informée?\b|\bte (?:contactaremos|responderemos)\b"
        r"|\bwe laten (?:het )?(?:je|jou|u) .{0,30}weten\b|\b(?:te daremos|tendrás) (?:una )?(?:respuesta|noticias)\b"
        r"|\b(?:verwachten|hopen|streven)\b.{0,50}\b(?:besluit|beslissing|uitsluitsel|terugkoppeling)\b"
        r"|\b(?:je|u) (?:hoort|ontvangt) (?:hoe dan ook |uiterlijk |binnen |voor )?(?:van ons|bericht|uitsluitsel)\b",
        3.0,
    ),
    (
        r"\b(?:either way|one way or the other)\b|\bthanks? (?:so much )?for your patience\b|\bstill (?:very much )?in the running\b",
        1.0,
    ),
)
COMING_IN = cues(  # after an interview, without any promise: stays `other`
    (
        r"\bthanks? (?:\w+ ){0,3}(?:for coming in|for (?:making|making the) trip|for interviewing|for taking the time to interview)\b",
        1.0,
    ),
    (r"\b(?:survey|feedback form|candidate experience|rate your (?:experience|interview))\b", 3.0),
    (r"\b(?:reimbursement|expense(?:s)? form|travel (?:claim|expenses))\b", 2.0),
)

# --- the user's own mail (``rules_user``) and further English families (``rules_en``) -------------
from followup.domain import rules_en as _en  # noqa: E402
from followup.domain.rules_user import USER_FOLLOW_UP, USER_THANKS, USER_WITHDRAW  # noqa: E402

ACK = ACK + _en.ACK_MORE
ACTION = ACTION + _en.ACTION_MORE
OFFER = OFFER + _en.OFFER_MORE
REJECTION = REJECTION + _en.REJECTION_MORE
WITHDRAWN = WITHDRAWN + _en.WITHDRAWN_MORE
NEXT_ROUND = NEXT_ROUND + _en.NEXT_ROUND_MORE
RESCHEDULE = RESCHEDULE + _en.RESCHEDULE_MORE
PROMISE = PROMISE + _en.PROMISE_MORE
AGENCY_SUBMIT = _en.AGENCY_SUBMIT
INVITE = INVITE + _en.INVITE_MORE
DECISION_MOVED = _en.DECISION_MOVED
PAST_CONTACT = _en.PAST_CONTACT
REFERENCE_ASK = _en.REFERENCE_ASK

# Cue families in the other languages the rules read (French, Spanish, Italian, Portuguese, German, Dutch,
# Swedish, Danish, Norwegian, Polish) and a few that belong to no one language, appended to the tables above.
from followup.domain import rules_germanic as _rg  # noqa: E402
from followup.domain import rules_intl as _ri  # noqa: E402
from followup.domain import rules_nordic as _rn  # noqa: E402
from followup.domain import rules_pl as _rp  # noqa: E402
from followup.domain import rules_romance as _rr  # noqa: E402
from followup.domain.rules import Cue  # noqa: E402


def _more(name: str) -> tuple[Cue, ...]:
    return _ri.wcues(*(p for m in (_ri, _rr, _rg, _rn, _rp) for p in getattr(m, name, ())))


OFFER = OFFER + _more("OFFER")
REJECTION = REJECTION + _more("REJECTION")
WITHDRAWN = WITHDRAWN + _more("WITHDRAWN")
RESCHEDULE = RESCHEDULE + _more("RESCHEDULE")
CONFIRM = CONFIRM + _more("CONFIRM")
PROPOSAL = PROPOSAL + _more("PROPOSAL")
INVITE = INVITE + _more("INVITE")
NEXT_ROUND = NEXT_ROUND + _more("NEXT_ROUND")
ACTION = ACTION + _more("ACTION")
ACK = ACK + _more("ACK")
PROMISE = PROMISE + _more("PROMISE")
USER_THANKS = USER_THANKS + _more("USER_THANKS")
USER_FOLLOW_UP = USER_FOLLOW_UP + _more("USER_FOLLOW_UP")
USER_WITHDRAW = USER_WITHDRAW + _more("USER_WITHDRAW")
