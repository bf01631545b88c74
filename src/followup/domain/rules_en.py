"""English cue families by meaning, appended to the kind tables of ``followup.domain.rules_kinds``.

What they add, each as a family of phrasings rather than any one mail's sentence:

- confirmations that an application went out through a job board or an agency ("you applied to ...",
  "your application to X has been sent", "I've submitted your resume to <client>");
- requests the sender makes: a one-way recorded video interview, a form or questionnaire to fill in,
  identity / work-authorisation paperwork before a first day, a portfolio or case studies, a practical
  exercise every finalist is asked to do, something to send back by a date;
- decisions: the role closed (without a hire, rather than filled), filled with an internal candidate,
  an application that will not proceed, an offer the team is moving forward with;
- a next round said without the word "round" (moved on to the technical interview, one of two finalists
  asked to a final conversation) and a calendar update that moves the slot ("let's do Friday instead").
"""

from __future__ import annotations

from followup.domain.rules import cues
from followup.domain.rules_intl import wcues

__all__ = [
    "ACK_MORE",
    "AGENCY_SUBMIT",
    "ACTION_MORE",
    "OFFER_MORE",
    "REJECTION_MORE",
    "WITHDRAWN_MORE",
    "NEXT_ROUND_MORE",
    "RESCHEDULE_MORE",
    "PROMISE_MORE",
    "INVITE_MORE",
    "DECISION_MOVED",
    "PAST_CONTACT",
    "REFERENCE_ASK",
]

_DELIVERABLE = r"(?:resume|résumé|cv|profile|application|details|candidacy|candidature)"

# an agency (or a referrer) that has put the user's application in front of an employer
AGENCY_SUBMIT = cues(
    (
        r"\b(?:i'?ve|i have|we'?ve|we have|i just|i've just|we just) (?:just )?(?:submitted|sent|put forward|presented|forwarded"
        r"|shared) your " + _DELIVERABLE + r" (?:over )?(?:to|with|for)\b",
        4.0,
        tuple(
            f"your {w}" for w in ("resume", "résumé", "cv", "profile", "application", "details", "candida")
        ),
    ),
    (  # the user themself put forward ("I've submitted you to my client for the coordinator contract")
        r"\b(?:i'?ve|i have|we'?ve|we have|i just|i've just|we just) (?:just )?(?:submitted|put|presented|put forward|sent)"
        r" you (?:forward |over |across )?(?:to|for)\b",
        4.0,
        ("ted you", "put you", "sent you"),
    ),
)

ACK_MORE = AGENCY_SUBMIT + cues(
    (  # a job board's confirmation, said to the user as a sentence of its own
        r"\byou(?<!because you)(?<!since you)(?<!that you)(?<!which you)(?<!ones you)(?<!jobs you)(?<!roles you)"
        r"(?:'ve| have)?(?: just| successfully)? applied (?:to|for)\b(?! (?:a |some |other |many )?similar\b)"
        r"|\byour application (?:to|for) (?:[\w&.,'()/-]+ ){1,8}?(?:has been|was|is) (?:successfully )?(?:sent|submitted|received"
        r"|delivered)\b|\bapplication is on its way\b|\bsuccessfully (?:applied|submitted your application)\b"
        r"|\bapplied (?:on |via |through |with )?.{0,30}\b(?:1-click|one-click|easy|quick) apply\b",
        3.0,
        ("applied", "application", "successfully"),
    ),
)

ACTION_MORE = cues(
    (  # a recorded interview with no one on the other side: a task with a deadline, not a meeting
        r"\b(?:on-demand|on demand|one-way|asynchronous|async|pre-recorded|recorded|self-recorded) video (?:interview|assessment"
        r"|screen(?:ing)?|questions)\b|\brecord (?:your )?(?:responses|answers|video)\b|\bno live interviewer\b",
        3.5,
    ),
    (  # paperwork before a first day
        r"\b(?:form )?i-9\b|\b(?:identity|identification|work[- ]authori[sz]ation|employment eligibility|right[- ]to[- ]work)"
        r"(?: (?:and|or|&) [\w-]+)? (?:documents?|documentation|verification)\b|\bemployment eligibility\b"
        r"|\bnew[- ]hire (?:paperwork|forms?|packet)\b|\bonboarding (?:paperwork|forms|documents|tasks)\b",
        2.5,
        ("i-9", "identi", "authori", "eligibility", "right", "new hire", "new-hire", "onboarding"),
    ),
    (  # a form or questionnaire to fill in (a satisfaction survey is not a step of the process)
        r"\b(?:fill (?:in|out)|complete|return|answer) (?:the |this |our |a |an |my )?(?:short |quick |brief |attached |online"
        r" |following |linked |candidate |two-minute )*(?:questionnaire|form|questions)\b",
        2.0,
        ("questionnaire", "form", "questions"),
    ),
    (  # work to show
        r"\b(?:share|send|submit|provide|upload|forward) (?:me |us )?(?:over )?(?:a link to |links to |a copy of )?(?:your |a few"
        r" |two or three |some |one or two |\w+ )?(?:portfolio|case studies|work samples|code samples|writing samples"
        r"|examples of your work|github)\b",
        2.5,
        ("portfolio", "case studies", "samples", "examples of your work", "github"),
    ),
    (
        r"\b(?:practical|technical|coding|short|small|written|data|sql|analytics|design|modeling|modelling) (?:exercise"
        r"|challenge|task|project)\b",
        2.0,
        ("exercise", "challenge", "task", "project"),
    ),
    (
        r"\b(?:ask|asking|like|want|invite|inviting|need) (?:you|every (?:\w+ )?(?:candidate|finalist|applicant)"
        r"|all (?:\w+ )?(?:candidates|finalists|applicants)) to (?:do|complete|build|work on|prepare|submit|record|take|fill)\b",
        2.0,
        tuple(
            f" to {w}"
            for w in ("do", "complete", "build", "work on", "prepare", "submit", "record", "take", "fill")
        ),
    ),
    (  # the ask itself, with the verbs the older table lacks, and a thing to send back by a date
        r"\b(?:could|can|would) you (?:please )?(?:fill (?:in|out)|share|send over|get (?:it|them|this) back)\b"
        r"|\bplease (?:fill (?:in|out)|share)\b"
        r"|\b(?:send|get|return) (?:it|them|this|these|everything|those) (?:back |over )?(?:to (?:me|us) )?(?:by|before"
        r"|no later than)\b",
        1.5,
        ("could you", "can you", "would you", "please fill", "please share", "send ", "get ", "return "),
    ),
)

OFFER_MORE = cues(
    (
        r"\b(?:like|love|happy|pleased|delighted|excited|thrilled|ready|decided|going) to (?:move forward|proceed|go ahead)"
        r" with (?:an|a formal|a written|the) offer\b|\b(?:we'?re|we are) (?:moving|going) (?:forward|ahead) with an offer\b",
        4.0,
        ("offer",),
    ),
)

REJECTION_MORE = cues(
    (  # filled by someone from inside
        r"\b(?:fill|filled|filling)\b.{0,60}\b(?:with an internal (?:candidate|applicant|hire)|internally)\b"
        r"|\b(?:decided|chosen|chose|opted|going|gone|went|decision) (?:to )?(?:go |move forward |proceed |move ahead )?with"
        r" an internal (?:candidate|applicant|hire)\b",
        4.0,
        ("internal",),
    ),
    (
        r"\bnot (?:be )?(?:moving|taking|progressing|proceeding) (?:forward |further |ahead )?with your (?:candidature|profile)\b"
        r"|\ban offer to (?:another|a different|an internal|someone else|the other|one of the other)\b",
        4.0,
        ("with your candidature", "with your profile", "an offer to "),
    ),
)

WITHDRAWN_MORE = cues(
    (
        r"\b(?:decided|decision|going|had|have|need(?:ed)?|chosen|opted|will|plan) (?:to )?close (?:the|this|our|that)"
        r" (?:[\w&,/()-]+ ){0,5}?(?:position|role|requisition|req|opening|vacancy|search|job)\b"
        r"|\b(?:close|closed|closing|cancel(?:l?ed)?) (?:the |this |our )?(?:[\w-]+ ){0,4}?(?:position|role|requisition|search"
        r"|opening) without (?:making a hire|hiring|filling it|a hire)\b|\bwithout making a hire\b"
        r"|\brather than fill(?:ing)? (?:it|the role|the position)\b",
        4.0,
        ("close", "cancel", "without making", "rather than fill"),
    ),
)

NEXT_ROUND_MORE = cues(
    (
        r"\b(?:move|moving|advance|advancing|progress|progressing|bring|bringing) you (?:on |forward |ahead |through |in )?"
        r"(?:to|into|for) (?:the|a|an|our|your) (?:next|final|second|third|last|technical|virtual onsite|onsite|on-site|panel"
        r"|follow-up|further)\b",
        3.0,
        (
            "e you on ",
            "e you forward ",
            "e you ahead ",
            "e you through ",
            "e you in ",
            "e you to ",
            "e you into ",
            "e you for ",
            "ing you ",
        ),
    ),
    (
        r"\b(?:for|to) (?:a|an|one) (?:final|second|third|last|further|follow-up) (?:[\w-]+ ){0,2}?(?:conversation|interview"
        r"|round|meeting|chat|call|discussion)\b",
        3.0,
        ("final", "second", "third", "last", "further", "follow-up"),
    ),
    (
        r"\bone of (?:two|three|four|the|our|a (?:few|handful of)|\d) (?:final )?finalists\b"
        r"|\bnarrowed (?:it|things|the (?:field|list|pool)) down\b",
        2.0,
    ),
)

RESCHEDULE_MORE = cues(
    (
        r"\bupdated (?:the|my|our|your|this) (?:[\w-]+ )?(?:invite|invitation|calendar|meeting|event)\b"
        r"|\b(?:let'?s do|how about|we can do|(?:moved?|switch(?:ed)?) (?:it|us|this|the \w+) to)\b[^.!?\n]{0,60}\binstead\b",
        2.0,
        ("updated", "instead"),
    ),
    (  # a booking tool's notice that the host moved the event ("Ann has rescheduled your event"), its old time
        # given as the one before ("Former:" / "Previous time:")
        r"\b(?:has|have|had|just) rescheduled (?:your|our|the|this|their)\b",
        3.0,
    ),
    (
        r"\n(?:former|previous|old|original)(?: time| date| slot)?:[ \t]*\n",
        2.0,
        ("former", "previous", "old", "original"),
    ),
)

PROMISE_MORE = cues(
    (
        r"\b(?:we|i)(?:'ll| will| should| expect to| hope to| aim to| plan to)\s+(?:\w+\s+){0,3}?give you (?:an?|our|the|some)"
        r" (?:final )?(?:answer|decision|update|news|feedback)\b",
        3.0,
        ("give you",),
    ),
    (  # Indian and Gulf English: "revert" is "reply" ("we shall revert with the outcome by the 12th")
        r"\b(?:we|i)(?:'ll| will| shall| would| should| expect to| hope to| aim to| plan to)\s+(?:\w+\s+){0,2}?revert\b",
        3.0,
        ("revert",),
    ),
    (  # a promise timed by a break rather than a date ("after the Diwali break", "once Easter is over")
        r"\bafter (?:the )?(?:easter|christmas|new year|diwali|eid|passover|summer|bank holiday|long weekend|half[- ]term"
        r"|mid[- ]term|holiday|festive)\w*(?: (?:break|holidays?|weekend|period|season|shutdown))?\b",
        1.5,
        ("after",),
    ),
)


# --- round 8: families written with plain spaces (``wcues``: a phrase may wrap onto the next line) -------
REJECTION_MORE = REJECTION_MORE + wcues(
    (  # someone else chosen, said as what the team is doing now ("we're going with another candidate")
        r"\b(?:we'?re|we are|i'?m|they'?re|they are|(?:we|they)(?:'ve| have)? decided on) going with (?:someone|somebody"
        r"|another|a different|the other|one of the other)\b",
        4.0,
    ),
    (  # the role filled, said by the team that filled it
        r"\b(?:we'?ve|we have|we'?ve now|we have now|we just|we recently) filled (?:the|this|that|our) (?:[\w&,/()-]+ ){0,6}?"
        r"(?:role|position|job|opening|vacancy|post)\b",
        4.0,
    ),
    (  # the post given to someone else, named or not ("decided to give the role to <name>, who ..."); to
        # "you" it is an offer
        r"\b(?:decided|chosen|chose|opted|elected|going|plan(?:ning)?|agreed) to (?:offer|give|award|hand) (?:the|this|that|our)"
        r" (?:[\w&,/()-]+ ){0,4}?(?:position|role|job|post|vacancy|place|opening|contract) to (?!you\b)",
        4.0,
        ("to offer", "to give", "to award", "to hand"),
    ),
)

NEXT_ROUND_MORE = NEXT_ROUND_MORE + wcues(
    (  # a first meeting already happened: now the rest of the people
        r"\b(?:meet|come meet|meeting) (?:the )?rest of (?:the|our|my) (?:\w+ )?(?:team|crew|folks|group|gang|founders|leadership)\b",
        3.0,
    ),
    (
        r"\binvite you (?:back )?(?:to|for) (?:an?|the|our) (?:in-person|in person|on-site|onsite|final|second|follow-up)"
        r" (?:\w+ ){0,2}?(?:interview|panel|round|conversation|meeting)\b",
        2.0,
    ),
)

ACTION_MORE = ACTION_MORE + wcues(
    (  # the exercise handed over ("here's the case study for your next stage")
        r"\bhere(?:'s| is| are) (?:the|your|our) (?:\w+ ){0,2}?(?:case stud(?:y|ies)|case exercise|take[- ]home|exercise"
        r"|assignment|task|challenge)\b",
        2.0,
    ),
    (  # a deliverable to send back by a date ("please email it to me by Friday")
        r"\bplease (?:e-?mail|send|submit|upload|return|share) (?:it|them|this|that|both|(?:your|the) (?:deck|slides"
        r"|memo|write-up|solution|answers|work|analysis|notebook|code))"
        r" (?:(?:back )?to (?:me|us) )?(?:by|before|no later than)\b",
        2.0,
    ),
    (  # a business case to work through and hand in
        r"\bcase (?:exercise|assignment|challenge|task|prompt|presentation task)\b",
        2.0,
    ),
    (  # the deliverable it asks for (with something to send back by a date, a request)
        r"\b(?:deck|slides|memo|write-up|one-pager) (?:\w+ ){0,6}?(?:with|of|containing|on) your (?:recommendation|analysis"
        r"|findings|approach)\b",
        1.5,
    ),
)

INVITE_MORE = wcues(
    (  # the invitation itself, with or without an article ("I am pleased to invite you to interview")
        r"\b(?:pleased|happy|delighted|glad|like) to invite you (?:to|for) (?:an? )?(?:interview|conversation|meeting)\b",
        3.0,
    ),
    (  # a number of windows asked for ("send me 3-4 windows", "two or three half-days that work")
        r"\b(?:send|give|share|suggest|propose|offer) (?:me|us) (?:\d+|two|three|four|a few|a couple of)"
        r"(?: ?(?:-|–|to|or) ?(?:\d+|three|four|five))? (?:windows|slots|times|half-days|half days|days|mornings|afternoons"
        r"|options|dates)\b",
        2.5,
        (
            "send me ",
            "send us ",
            "give me ",
            "give us ",
            "share ",
            "suggest ",
            "propose ",
            "offer me ",
            "offer us ",
        ),
    ),
)

# a decision moved to a later date is a new promise, never an interview moved ("we've had to push the decision
# back to the 15th", "aplazar la decisión hasta", "la decisión final no la tendremos hasta")
DECISION_MOVED = wcues(
    (
        r"\b(?:push(?:ed|ing)?|put(?:ting)?|move[ds]?|moving|postpon\w+|delay\w*|defer\w*) (?:back )?(?:the |our |a |my )"
        r"?(?:final )?(?:decision|answer)\b|\b(?:decision|answer) (?:has been|was|is being|will be) (?:pushed|postponed"
        r"|delayed|deferred|moved)\b|\b(?:won'?t|will not|don'?t|do not) (?:be able to )?(?:have|make|reach) (?:a|our|the)"
        r" (?:final )?decision (?:until|before)\b",
        3.5,
        ("decision", "answer"),
    ),
    (
        r"\b(?:aplaz|pospon|pospus|retras|posterg)\w* (?:la|nuestra|una) (?:\w+ )?decisión\b"
        r"|\bdecisión (?:final |definitiva )?(?:no )?(?:la )?(?:tendremos|tomaremos|llegará|se tomará|se retrasa|se aplaza)"
        r"[^.!?]{0,20}\bhasta\b"
        r"|\b(?:report|repouss|décal|retard)\w* (?:notre|la|une) (?:\w+ )?décision\b|\bdécision (?:finale )?(?:ne sera|n'interviendra)"
        r" (?:\w+ )?(?:pas )?(?:prise )?(?:avant|qu'à|que le)\b"
        r"|\bentscheidung\b[^.!?]{0,40}\b(?:verschiebt sich|verschoben|verzögert sich|erst (?:am|bis|zum|nach|ende))\b"
        r"|\b(?:besluit|beslissing)\b[^.!?]{0,40}\b(?:uitgesteld|verschoven|pas (?:op|na|rond|eind))\b",
        3.5,
    ),
)

# the signs that the candidate has already talked to the team: a "next step" after them is a next round,
# before them (a first interview after applying) it is an invitation
PAST_CONTACT = wcues(
    (
        r"\b(?:thanks?|thank you) (?:\w+ ){0,3}?for (?:your time|the time|speaking|talking|chatting|meeting|coming in"
        r"|taking the time|the (?:call|chat|conversation|interview))\b|\b(?:great|nice|good|lovely) (?:speaking|chatting"
        r"|talking|meeting|connecting|to (?:speak|chat|talk|meet|connect))\b|\benjoyed (?:our|the|your|meeting|speaking"
        r"|talking|chatting)\b|\b(?:after|following) (?:our|your|the) (?:call|chat|conversation|interview|screen|meeting"
        r"|session)\b|\b(?:your|the) (?:interview|call|screen|conversation|chat) (?:with|on|yesterday|last|earlier)\b"
        r"|\b(?:spoke|met|talked|chatted) (?:with|to) (?:you|her|him|them)\b|\bfeedback\b|\bdebrief\w*\b|\bas (?:i|we) mentioned\b",
        1.0,
    ),
)

# what the sender asks the user to send: a references request proper, not a reference check the employer
# will make in their own time
REFERENCE_ASK = wcues(
    (
        r"\b(?:send|provide|share|forward|email|list|give) (?:\w+ ){0,4}?(?:references|referees|names|contact (?:details"
        r"|information|info))\b|\b(?:names|contact (?:details|information|info)) (?:\w+ ){0,3}?(?:of|for) (?:\w+ ){0,3}?"
        r"(?:references|referees)\b|\b(?:could|can|would) you\b|\bplease\b|\bneed (?:\w+ ){0,3}?(?:references|referees)\b",
        1.0,
    ),
)
