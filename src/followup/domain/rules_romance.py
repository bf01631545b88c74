"""Italian and Portuguese cue families, appended to the kind tables in ``followup.domain.rules_kinds``
(the same meanings as the English, German, French, Spanish and Dutch ones there), plus the hiring
nouns of both languages for the context table.
"""

from __future__ import annotations

from followup.domain.rules import cues

HIRING_IT_PT = cues(
    (
        r"\b(?:colloqui[oa]?|candidatur[ae]|selezione|posizione|risorse umane|talent acquisition"
        r"|vaga|recrutamento|recursos humanos|processo (?:di|de) (?:selezione|seleção|recrutamento)|entrevistas?)\b",
        1.5,
    ),
)

ACK_IT_PT = cues(
    (
        r"\b(?:ti|la|vi) ringraziamo per (?:aver|averci) (?:inviato|inoltrato|mandato) (?:la (?:tua|sua) )?candidatura"
        r"|\b(?:conferma(?:mo)?|confermiamo) (?:la )?ricezione (?:della (?:tua|sua) )?candidatura"
        r"|\babbiamo ricevuto (?:la (?:tua|sua) )?candidatura|\bgrazie per (?:la (?:tua|sua) candidatura|esserti candidat)",
        3.0,
    ),
    (
        r"\b(?:confirmamos|acusamos) (?:a )?rece(?:ç|p)ção da (?:sua|tua) candidatura"
        r"|\brecebemos (?:a )?(?:sua|tua) candidatura|\bobrigad[oa] (?:pela (?:sua|tua) candidatura|por (?:se )?candidatar)",
        3.0,
    ),
)

INVITE_IT_PT = cues(
    (
        r"\b(?:vorremmo|desideriamo|ci piacerebbe) (?:invitarti|invitarla|conoscerti|conoscerla)\b"
        r"|\b(?:indicarci|indicarmi|comunicarci|farci sapere) (?:\w+ ){0,2}disponibilit"
        r"|\b(?:gostar[íi]amos|queremos) de (?:a |o |te )?(?:convidar|conhecer|agendar|marcar|conversar)\w*"
        r"|\bqual (?:[ée] )?(?:a )?(?:sua|tua) disponibilidade"
        r"|\b(?:indicar|partilhar|enviar|compartilhar)(?:-nos)? (?:a (?:sua|tua) )?disponibilidade",
        2.5,
    ),
)

CONFIRM_IT_PT = cues(
    (
        r"\b(?:ti|le|vi) confermo\b|\bconfermiamo (?:il (?:tuo|suo) )?colloquio\b|\bconfermamos (?:a (?:sua|tua) )?entrevista\b"
        r"|\b(?:colloquio|entrevista)\b.{0,30}\b(?:è confermato|fissato per|está confirmada|agendada para)\b",
        3.0,
    ),
)

REJECTION_IT_PT = cues(
    (
        r"\b(?:proseguire|procedere|continuare|andare avanti) con (?:altri|altre|un altro|un'altra) (?:\w+ )?"
        r"(?:candidat|profil|person)\w*"
        r"|\b(?:avançar|prosseguir|continuar|seguir) com (?:outr[oa]s?|um outro|uma outra) (?:\w+ )?(?:candidat|perfi|pesso)\w*"
        r"|\bnon (?:è|sei) stat[oa] selezionat|\besito negativo\b"
        r"|\bnão (?:foi|foste) selecionad|\bnão (?:iremos|vamos) (?:avançar|prosseguir) com a (?:sua|tua) candidatura",
        4.0,
    ),
    (r"\bpurtroppo\b|\binfelizmente\b", 1.5),
    (
        r"\b(?:ci dispiace|siamo spiacenti di|a malincuore) (?:comunicar|informar)\w*"
        r"|\blamentamos (?:informar|comunicar)\w*",
        2.5,
    ),
)

PROMISE_IT_PT = cues(
    (
        r"\b(?:ti|le|vi) (?:daremo|darò|faremo sapere|farò sapere|ricontatteremo entro)\b.{0,30}\b(?:riscontro|risposta|esito|entro|sapere)"
        r"|\b(?:daremos|daremos-lhe|daremos-te) (?:uma )?(?:resposta|feedback|notícias)\b"
        r"|\bentraremos em contacto (?:consigo |contigo )?(?:até|dentro de|na próxima)\b",
        3.0,
    ),
)

USER_FOLLOW_UP_MORE = cues(
    (
        r"\b(?:informeren|vragen) naar de (?:stand van zaken|status)\b|\bstand van zaken\b.{0,60}\b(?:vacature|sollicitatie|functie)"
        r"|\b(?:chiedere|sapere) (?:se ci sono )?(?:aggiornamenti|novità)\b|\b(?:alguma|há) (?:novidade|atualização)\b",
        3.0,
    ),
)
