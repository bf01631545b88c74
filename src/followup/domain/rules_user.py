"""Cue tables for the user's own mail: a thank-you after an interview, a follow-up inquiry about a
decision, a withdrawal (or a declined offer). English, German, French, Spanish and Dutch; re-exported
by ``followup.domain.rules_kinds`` (and ``rules``), where other languages' families are appended.
"""

from __future__ import annotations

from followup.domain.rules import cues

__all__ = ["USER_THANKS", "USER_FOLLOW_UP", "USER_WITHDRAW"]

USER_THANKS = cues(
    (
        r"\b(?:thank you|thanks|many thanks|thank you so much|thanks so much)\b(?:\s+(?:again|all|both|very much|a (?:ton|lot|bunch|million)|heaps|loads))*\s+for\s+"
        r"(?:[\w'’-]+\s+){0,9}?(?:time|conversation|interview|call|chat|meeting|talk(?:ing)?|speaking|session|deep-dive|discussion"
        r"|meeting me|opportunity|today|yesterday|this (?:morning|afternoon|evening)|last night|tour|panel|walk(?:ing)?|pairing|visit)\b",
        3.0,
    ),
    (
        r"\b(?:please )?pass(?:ing)? (?:on |along )?my (?:thanks|gratitude|appreciation)\b|\bthank you (?:all|both)\b",
        2.0,
        ("my thanks", "my gratitude", "my appreciation", "thank you all", "thank you both"),
    ),
    (  # the arranger thanked (with the thanks passed on, or after the meeting, it is the thank-you)
        r"\b(?:thank you|thanks) (?:\w+ ){0,2}?for (?:setting|arranging|organi[sz]ing|lining|putting|fixing) (?:it|this|that"
        r"|(?:the|our) (?:\w+ )?(?:call|interview|meeting|chat|conversation)|everything) (?:up|together)\b",
        2.0,
    ),
    (
        r"\b(?:just|i'?ve just|have just) (?:finished|got out of|come out of|wrapped up|hung up)\b|\bi think it went well\b",
        1.0,
        ("just", "went well"),
    ),
    (r"\bappreciated (?:the|our|your|hearing|how)\b", 1.0),
    (
        r"\bappreciate(?:d)? (?:your|the) time\b|\bbedankt voor (?:het|ons) (?:fijne |leuke |prettige )?gesprek",
        3.0,
    ),
    (r"\b(?:great|good|lovely|nice) (?:talking|speaking|chatting|meeting) (?:with )?(?:you|today)\b", 1.5),
    (
        r"\benjoyed (?:our|the|meeting|speaking|talking|hearing|digging|discussing|working|walking|comparing)\b",
        1.5,
    ),
    (r"^(?:thank you|thanks|merci|danke|vielen dank|gracias)\b", 1.5),
    (
        r"\b(?:vielen|herzlichen) dank für (?:das|die|ihre|deine) (?:angenehme |nette |interessante )?(?:gespräch|zeit|interview)"
        r"|\b(?:merci|remercier|remercie)\b.{0,30}\b(?:pour|de) (?:notre|l'|cet|votre|ce|le) (?:\w+ )?(?:échange|entretien|temps"
        r"|accueil|rendez-vous|conversation)"
        r"|\bgracias por (?:la|tu|su) (?:entrevista|tiempo|conversación)",
        3.0,
    ),
)
USER_FOLLOW_UP = cues(
    (
        "\\bany (?:movement|developments?)\\b|\\bhas there been any\\b|\\bwhether there(?:'s| has) been any\\b",
        3.0,
    ),
    (
        r"\b(?:follow(?:ing)? up|check(?:ing)? in|touch(?:ing)? base|circl(?:e|ing) back|writing to (?:see|ask|check)"
        r"|wanted to (?:see|ask|check))"
        r"\b.{0,120}\b(?:role|position|application|interview|status|decision|update|progress|timeline|next steps|news)\b",
        3.0,
    ),
    (
        r"\b(?:any (?:update|news|progress)|an update on|where things stand|(?:still|am i) in the running"
        r"|heard anything|haven'?t heard|update on (?:the|my) (?:timeline|application|status)|whether there (?:has been|is) any (?:news|update|progress|movement|decision|development)"
        r"|(?:a sense of|any idea|an idea of) (?:when|the timeline|the timing|how long))\b",
        3.0,
    ),
    (
        r"\b(?:nachfragen|stand (?:meiner|der) bewerbung|gibt es (?:schon )?neuigkeiten|relancer|des nouvelles"
        r"|seguimiento|alguna novedad|(?:aktuellen )?stand\b.{0,80}\berkundigen|erkundigen\b.{0,60}\bstand"
        r"|gibt es (?:schon )?(?:etwas )?neues)\b",
        3.0,
    ),
)
USER_WITHDRAW = cues(
    (
        "\\bwithdraw (?:me|my|myself)\\b|\\b(?:remove|take) me (?:out of|from) (?:consideration|the process|the running)\\b|\\b(?:decided to |have |i've )?accept(?:ed)? (?:another|a different|an(?:other)? offer|a position|a role)\\b",
        4.0,
    ),
    (
        r"\b(?:withdraw|pull) (?:my|myself|from)\b(?:\s+\w+){0,3}|\bwithdraw(?:ing)? (?:my )?(?:application|candidacy)"
        r"|\bremove me from (?:consideration|the process)|\baccepted (?:an(?:other)? )?offer elsewhere|\bno longer (?:interested|available)"
        r"|\bbewerbung zurück(?:ziehen|ziehe)|\bretirer ma candidature|\bretirar mi candidatura",
        4.0,
    ),
    (
        r"\bdeclin(?:e|ing) (?:the|your|this) (?:kind |generous )?offer|\bturn(?:ing)? down (?:the|your) offer"
        r"|\bnot (?:to )?accept (?:the|your) offer|\b(?:angebot|stelle) nicht an(?:zu)?nehmen|\bdécliner (?:votre|l')offre"
        r"|\brechazar (?:la|su|tu) oferta|\bsollicitatie in(?:trekken|te trekken)|\btrek mijn sollicitatie",
        4.0,
    ),
    (  # the user's no said without naming the offer ("I've decided not to accept", "I'll have to decline")
        r"\b(?:decided|chosen|made the (?:hard |difficult )?decision) (?:not to (?:accept|take (?:it|this|the role|the position)"
        r"|go ahead)|to (?:decline|turn (?:it|this) down|pass))\b|\b(?:i(?:'ll| will)|i must|i have to|i need to)"
        r" (?:respectfully |regretfully |sadly )?(?:decline|turn (?:it|this) down)\b|\ban offer (?:closer to home|elsewhere)"
        r" (?:that )?i(?:'m| am) (?:going to|planning to) (?:take|accept)\b",
        4.0,
        ("decided", "chosen", "decision", "decline", "turn ", "offer"),
    ),
)
