"""French (France, Belgium, Switzerland, Quebec), Spanish (Spain, Latin America), Italian and Portuguese
(Portugal, Brazil) cue families, appended to the kind tables in ``followup.domain.rules_kinds`` (the same
meanings as the English ones there).
"""

from __future__ import annotations

from followup.domain.rules_intl import pairs

HIRING = pairs(
    (
        r"\b(?:colloqui[oa]?|candidatur[ae]|selezione|posizione|risorse umane|talent acquisition"
        r"|vaga|recrutamento|recursos humanos|processo (?:di|de) (?:selezione|seleção|recrutamento)|entrevistas?)\b",
        1.5,
    ),
    (  # Quebec's word for an interview, the talent teams' names, Brazilian and Spanish process words
        r"\b(?:entrevues?|acquisition de talents|ressources humaines|chargée? de recrutement|reclutamiento|recrutador\w*"
        r"|processo seletivo|vacantes?|ofertas? de empleo|postulaci[óo]n)\b",
        1.5,
    ),
)

# --- employer kinds ----------------------------------------------------------------------------------
OFFER = pairs(
    (
        r"\b(?:promesse d'embauche|contrat de travail|proposition (?:de contrat|salariale|d'emploi|de poste)"
        r"|offre (?:d'embauche|ferme|de poste))\b",
        4.0,
    ),
    (  # "we wish to welcome you at X as ..." (not "to our offices for an interview")
        r"\b(?:souhaitons|sommes (?:heureux|heureuses|ravis|ravies)|avons le (?:grand )?plaisir|aimerions|voulons)"
        r" (?:de )?(?:vous|t') ?(?:accueillir|recruter|embaucher|intégrer|proposer le poste|offrir le poste)\b"
        r"(?![^.!?]{0,60}\b(?:entretien|entrevue|rencontre|visite|locaux|échange)\b)",
        4.0,
    ),
    (
        r"\b(?:propuesta (?:económica|salarial|formal|de contratación|de incorporación)|contrato de trabajo"
        r"|oferta (?:económica|de empleo|de incorporación))\b",
        4.0,
    ),
    (
        r"\b(?:queremos|nos encantaría|nos gustaría|estamos encantados de) (?:\w+ ){0,2}?"
        r"(?:incorporarte|incorporarle|que te unas|que formes parte|contar contigo|tenerte con nosotros)\b"
        r"(?! (?:para|en) (?:futur|próxim|otr|una entrevista))",
        4.0,
    ),
    (
        r"\b(?:proposta (?:di assunzione|contrattuale|di lavoro|economica)|lettera (?:di offerta|d'offerta|di assunzione)"
        r"|offerta (?:di lavoro|formale|economica|di assunzione)|contratto di assunzione)\b"
        r"|\b(?:felici|lieti|contenti) di (?:offrirti|offrirle|proporti|proporle|darti il benvenuto|darle il benvenuto)\b",
        4.0,
    ),
    (
        r"\b(?:carta[- ]proposta|carta de oferta|proposta (?:de trabalho|de emprego|formal|salarial|de contrata\w+))\b"
        r"|\b(?:queremos|gostaríamos de|adoraríamos) (?:muito )?(?:ter (?:você|te|a senhora|o senhor)|contar com (?:você|tigo)"
        r"|contratar (?:você|te))\b(?! (?:para|numa|em uma) (?:futur|próxim|outr|entrevista|conversa))",
        4.0,
    ),
)
REJECTION = pairs(
    (  # "we have decided not to continue with your application" in Spanish, Italian, Portuguese
        r"\b(?:hemos|han) decidido no (?:continuar|seguir|avanzar|proseguir) (?:adelante )?con (?:tu|su) (?:candidatura|solicitud|proceso)\b"
        r"|\babbiamo deciso di non (?:procedere|proseguire|andare avanti) con (?:la sua|la tua|il suo|il tuo) (?:candidatura|profilo)\b"
        r"|\b(?:decidimos|optámos|optamos) (?:por )?não (?:avançar|continuar|prosseguir) com (?:a sua|a tua|o seu|o teu) (?:candidatura|perfil)\b",
        4.0,
    ),
    (  # the choice made for someone else ("nous avons fait le choix d'une autre candidate")
        r"\b(?:fait|faire) le choix (?:d'une?|de l'|d'un) ?(?:autre|seul autre) (?:candidat\w*|profil|personne|candidature)\b"
        r"|\b(?:opté|optons) pour (?:une? )?(?:autre|l'autre) (?:candidat\w*|profil|personne|candidature)\b",
        4.0,
        ("le choix", "opté", "optons"),
    ),
    (  # going on with other profiles / another candidacy
        r"\b(?:aller de l'avant|poursuiv\w*|continu\w*|avanc\w*|avanç\w*|aller plus loin|donner suite)\b[^.!?]{0,40}"
        r"\bavec (?:(?:une autre|un autre|d'autres) (?:\w+ )?(?:candidat\w*|profils?|personnes?)"
        r"|(?:des|une|un) (?:\w+ )?(?:candidat\w*|profils?))\b"
        r"(?![^.!?]{0,40}\bdont (?:le vôtre|le tien|vous|toi)\b)",
        4.0,
    ),
    (
        r"\b(?:poste|position)\b[^.!?]{0,40}\b(?:a été|est|a déjà été) (?:\w+ )?pourvu"
        r"|\bne (?:pourrons|pouvons|pourrions|sommes) pas (?:en mesure de )?(?:donner suite|poursuivre|aller plus loin|retenir)"
        r"|\bdécision (?:négative|défavorable)\b|\bpas été (?:retenue?|sélectionnée?)\b",
        4.0,
    ),
    (
        r"\b(?:continuar|seguir|avanzar|seguimos|avanzamos|continuamos|optado por seguir)(?: adelante)?(?: (?:el|con el) proceso)?"
        r" con otr[oa]s? (?:\w+ )?(?:perfil|candidat|persona|profesional)\w*"
        r"|\b(?:puesto|posición|vacante)\b[^.!?]{0,40}\b(?:ha sido|fue|está|se ha) (?:ya )?(?:cubiert|ocupad)\w*"
        r"|\bno (?:vamos a|podemos|podremos) (?:continuar|seguir|avanzar) con (?:tu|su) (?:candidatura|proceso)"
        r"|\bhemos optado por otr\w*",
        4.0,
    ),
    (
        r"\b(?:proseguire|procedere|continuare|andare avanti) con (?:altri|altre|un altro|un'altra) (?:\w+ )?"
        r"(?:candidat|profil|person)\w*"
        r"|\b(?:posizione|ruolo|posto)\b[^.!?]{0,60}\b(?:è|sia|è già|è ormai) stat[oa] (?:\w+ ){0,3}(?:copert|assegnat)\w*(?! a te\b| a lei\b)"
        r"|\bnon (?:proseguiremo|procederemo|andremo avanti) con (?:la (?:tua|sua) candidatura)"
        r"|\b(?:scelto|optato per|deciso di procedere con) (?:un altro|un'altra|altri|altre) (?:\w+ )?(?:candidat|profil)\w*"
        r"|\bnon (?:è|sei) stat[oa] selezionat|\besito negativo\b",
        4.0,
    ),
    (
        r"\b(?:avançar|prosseguir|continuar|seguir) com (?:outr[oa]s?|um outro|uma outra) (?:\w+ )?(?:candidat|perfi|pesso)\w*"
        r"|\b(?:vaga|posição|cargo)\b[^.!?]{0,60}\b(?:foi|já foi|está) (?:\w+ )?(?:preenchida|ocupada|preenchido|ocupado)"
        r"|\boptamos por (?:outr|seguir com)\w*"
        r"|\bnão (?:foi|foste) selecionad|\bnão (?:iremos|vamos) (?:avançar|prosseguir) com a (?:sua|tua) candidatura",
        4.0,
    ),
    (r"\bpurtroppo\b|\binfelizmente\b", 1.5),
    (
        r"\b(?:ci dispiace|siamo spiacenti di|a malincuore) (?:comunicar|informar)\w*"
        r"|\blamentamos (?:informar|comunicar)\w*|\bsentimos (?:informar|comunicar)\w*",
        2.5,
    ),
)
WITHDRAWN = pairs(
    (
        r"\b(?:poste|recrutement|processus|offre|candidature)\b[^.!?]{0,100}\b(?:mise? en (?:pause|attente|suspens|veille|stand-by)"
        r"|suspendue?|annulée?|gelée?|retirée?|en pause)\b"
        r"|\b(?:mettre|mis|mettons|avons mis) (?:\w+ ){0,2}en (?:pause|suspens|stand-by|veille) (?:le|ce|notre|ces|nos) "
        r"(?:recrutement|poste|processus|embauches?)|\bgel des (?:recrutements|embauches)\b",
        4.0,
    ),
    (
        r"\b(?:proceso|puesto|vacante|posición|búsqueda|contratación)\b[^.!?]{0,80}\b(?:en pausa|pausad[oa]|congelad[oa]"
        r"|cancelad[oa]|suspendid[oa]|en espera|paralizad[oa])\b"
        r"|\b(?:pausar|congelar|suspender|cancelar|paralizar) (?:el|la|este|esta) (?:proceso|puesto|vacante|búsqueda|contratación)",
        4.0,
    ),
    (
        r"\b(?:posizione|ricerca|selezione|processo|vaga|recrutamento|contratação)\b[^.!?]{0,80}\b(?:sospes[oa]|in pausa"
        r"|congelat[oa]|annullat[oa]|suspens[oa]|pausad[oa]|em pausa|congelad[oa]|cancelad[oa])\b",
        4.0,
    ),
)
RESCHEDULE = pairs(
    (
        r"\b(?:déplacer|reporter|décaler|modifier|avancer|repousser) (?:notre|votre|ton|ta|l'|le|la) ?"
        r"(?:entretien|entrevue|rendez-vous|échange|rencontre|appel|visio)\b|\bnouveau créneau\b|\bnouvelle (?:date|heure)\b",
        3.0,
    ),
    (
        r"\b(?:mover|cambiar|pasar|posponer|retrasar|adelantar|mover) (?:la|tu|nuestra|su) (?:entrevista|llamada|reunión|cita)\b"
        r"|\b(?:spostare|rinviare|posticipare|anticipare) (?:il|il nostro|il tuo|il suo) (?:colloquio|incontro|appuntamento)"
        r"|\b(?:remarcar|reagendar|adiar|mudar|alterar) (?:a|nossa|sua|tua|o) ?(?:entrevista|conversa|reunião|chamada|horário)"
        r"|\b(?:nuovo orario|novo horário|nuevo horario)\b",
        3.0,
    ),
    (  # the meeting already moved, said with its pronoun ("la hemos movido al lunes", "nous l'avons décalé à",
        # "l'abbiamo spostato a", "remarcamos para")
        r"\b(?:la|lo|las|los) (?:hemos|he|han|ha) (?:movido|cambiado|pasado|trasladado|aplazado|adelantado|retrasado"
        r"|reprogramado|pospuesto)\b|\b(?:nous|je) l'(?:avons|ai) (?:déplacée?|décalée?|reportée?|avancée?|repoussée?)\b"
        r"|\bl'(?:abbiamo|ho) (?:spostat|rinviat|posticipat|anticipat)[oa]\b",
        3.0,
    ),
)
CONFIRM = pairs(
    (
        r"\b(?:ti|le|vi) confermo\b|\bconfermiamo (?:il (?:tuo|suo) )?colloquio\b|\bconfermamos (?:a (?:sua|tua) )?entrevista\b"
        r"|\b(?:colloquio|entrevista)\b.{0,30}\b(?:è confermato|fissato per|está confirmada|agendada para)\b",
        3.0,
    ),
    (
        r"\b(?:confirme|confirmons) (?:votre|ton|ta|notre|l')\s?(?:entretien|entrevue|rendez-vous|rencontre)"
        r"|\b(?:entretien|entrevue|rendez-vous)\b[^.!?]{0,40}\b(?:est|a été) (?:bien )?(?:confirmé|fixé|planifié|programmé)"
        r"|\b(?:confirmamos|confirmo) (?:tu|su|la) (?:entrevista|cita|reunión)\b",
        3.0,
    ),
)
PROPOSAL = pairs(
    (
        r"\b(?:communiquer|indiquer|transmettre|envoyer|donner|proposer|faire part de)\b[^.!?]{0,20}"
        r"\b(?:vos |tes |quelques |deux ou trois |plusieurs )?(?:disponibilités|créneaux)\b"
        r"|\b(?:quel|quels|lequel) (?:créneau|moment|horaire|jour)s? (?:vous|te) (?:convien|arrange)\w*",
        3.0,
    ),
    (
        r"\b(?:indícame|indícanos|dime|envíame|mándame|pásame|compárteme|indicarnos|indicarme|compartir)\b[^.!?]{0,30}"
        r"\b(?:disponibilidad|horarios?|huecos?|franjas?)\b|\bqué (?:horario|día|hora|opción) te (?:viene|va|queda|acomoda) mejor",
        3.0,
    ),
    (
        r"\b(?:mandar|enviar|indicar|passar|manda|envia)(?:-me|-nos)? (?:alguns|uns|dois ou três|algumas|umas) "
        r"(?:horários|opções|datas)\b|\bqual (?:horário|dia) (?:fica|é) melhor\b",
        3.0,
    ),
)
INVITE = pairs(
    (
        r"\b(?:vorremmo|desideriamo|ci piacerebbe) (?:invitarti|invitarla|conoscerti|conoscerla)\b"
        r"|\b(?:indicarci|indicarmi|comunicarci|farci sapere) (?:\w+ ){0,2}disponibilit"
        r"|\b(?:gostar[íi]amos|queremos) de (?:a |o |te )?(?:convidar|conhecer|agendar|marcar|conversar)\w*"
        r"|\bqual (?:[ée] )?(?:a )?(?:sua|tua) disponibilidade"
        r"|\b(?:indicar|partilhar|enviar|compartilhar)(?:-nos)? (?:a (?:sua|tua) )?disponibilidade",
        2.5,
    ),
    (
        r"\b(?:aimerions|souhaiterions|souhaitons|voudrions|aimerais|souhaiterais) (?:\w+ ){0,2}(?:te|vous) (?:rencontrer|inviter"
        r"|convier|parler)\b|\b(?:nos gustaría|queremos|quisiéramos) (?:\w+ ){0,2}(?:conocerte|entrevistarte|invitarte|conocerle)\b",
        2.5,
    ),
)
NEXT_ROUND = pairs(
    (
        r"\b(?:passer|passez|passé|convier|inviter|retenue?)\b[^.!?]{0,40}\b(?:au |à l'|à la )?(?:prochain|deuxième|second"
        r"|dernier|final) (?:tour|entretien|étape)\b|\b(?:deuxième|second|dernier|prochain) entretien\b",
        3.0,
    ),
    (
        r"\b(?:prossima|successiva|seconda|ultima) (?:fase|tappa)\b|\b(?:secondo|prossimo|ultimo) colloquio\b"
        r"|\bpassat[oa] (?:alla|al) (?:fase|colloquio) successiv",
        3.0,
    ),
    (
        r"\b(?:avançou|avançaste|passou|passaste|segue|seguiu|aprovad[oa])\b[^.!?]{0,40}\b(?:próxima|seguinte|última)"
        r" (?:etapa|fase)\b|\b(?:segunda|próxima|última) (?:etapa|fase) (?:do|de) (?:processo|seleção)\b",
        4.0,
    ),
    (
        r"\b(?:foi|fostes?|está) aprovad[oa] (?:na|no|para)\b|\b(?:pasas|has pasado) a la (?:siguiente|próxima)\b",
        2.5,
    ),
)
ACTION = pairs(
    (
        r"\b(?:test (?:technique|en ligne|de personnalité|psychométrique|d'aptitude)|mise en situation)\b"
        r"|\b(?:prova|esercizio|test) (?:tecnic|pratic|attitudinal|online)\w*|\bcaso pratico\b"
        r"|\b(?:teste|desafio|case) (?:técnico|prático|online)\b|\b(?:prueba|ejercicio|test) (?:de código|online|psicotécnic\w*)",
        3.5,
    ),
)
ACK = pairs(
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
    (  # a job board or ATS saying the application went out / came in
        r"\bcandidatur[ae]\b[^.!?]{0,80}\b(?:a bien été|a été|est bien|ha sido|se ha|è stata|foi|está) (?:\w+ )?"
        r"(?:envoyée|transmise|reçue|enregistrée|prise en compte|enviad[ao]|recibid[ao]|registrad[ao]|inviat[ao]|ricevut[ao]"
        r"|registrat[ao]|recebid[ao]|realizad[ao]|registad[ao])\b"
        r"|\b(?:tu|su) (?:solicitud|postulación)\b[^.!?]{0,40}\b(?:ha sido|fue|se ha) (?:enviad|recibid|registrad)\w*"
        r"|\b(?:merci|remercions) (?:de|pour) (?:ta|votre) candidature\b|\bmerci d'avoir postulé\b"
        r"|\b(?:accusons|confirmons) (?:bonne )?réception\b",
        3.0,
    ),
)
PROMISE = pairs(
    (
        r"\b(?:ti|le|vi) (?:daremo|darò|faremo sapere|farò sapere|ricontatteremo entro)\b.{0,30}\b(?:riscontro|risposta|esito|entro|sapere)"
        r"|\b(?:daremos|daremos-lhe|daremos-te) (?:uma )?(?:resposta|feedback|notícias)\b"
        r"|\bentraremos em contacto (?:consigo |contigo )?(?:até|dentro de|na próxima)\b",
        3.0,
    ),
    (
        r"\b(?:reviendrai|reviendrons|revenons|reviens|reviendra) (?:vers|auprès de) (?:vous|toi)\b"
        r"|\b(?:vous|te) (?:donner|faire|communiquer|apporter) (?:une |notre |un |nos )?(?:réponse|retour|décision|nouvelles)\b"
        r"|\b(?:aurez|auras|recevrez|recevras) (?:une |notre |un |nos |des )?(?:réponse|retour|nouvelles|décision)\b",
        3.0,
    ),
    (
        r"\b(?:te|le|os) (?:daremos|daré|diremos|diré|comunicaremos|escribiremos|informaremos)\b[^.!?]{0,40}"
        r"\b(?:respuesta|decisión|algo|noticias|resultado)\b|\b(?:tendrás|tendrá|recibirás|recibirá) (?:noticias|respuesta|una respuesta)\b",
        3.0,
    ),
    (r"\bnos pondremos en contacto\b", 2.0),
    (
        r"\b(?:riceverai|riceverà|avrai|avrà) (?:un |una |nostre |nostra |la nostra )?(?:riscontro|risposta|notizie|esito)\b"
        r"|\b(?:retorno|resposta|feedback|devolutiva)\b[^.!?]{0,40}\b(?:até|dentro de|na próxima|no máximo)\b"
        r"|\b(?:daremos|damos|te damos|lhe daremos|te dou|vamos dar) (?:um |uma )?(?:retorno|devolutiva)\b",
        3.0,
    ),
)

# --- the user's own mail ------------------------------------------------------------------------------
USER_THANKS = pairs(
    (  # thanks said to the person who arranged the meeting, or passed on through them
        r"\b(?:darte|darle|daros|dar) (?:las )?gracias por (?:organizar|preparar|coordinar|la|el|tu|su)\w*"
        r"|\b(?:hacerle|hacerles) llegar (?:también )?mi agradecimiento\b|\btransmitir(?:le|les)? (?:mi|mis) agradecimiento"
        r"|\btransmettre (?:mes|tous mes) remerciements\b",
        3.0,
    ),
    (
        r"\bmerci (?:encore |beaucoup |infiniment |à vous |à toi )*(?:pour|de) (?:notre|l'|cet|votre|ton|ce|le|la|cette) ?"
        r"(?:\w+ ){0,2}(?:échange|entretien|entrevue|temps|accueil|rendez-vous|conversation|rencontre|discussion)",
        3.0,
    ),
    (
        r"\b(?:muchas )?gracias (?:de nuevo |otra vez |otra vez más )?por (?:la|tu|su|el) (?:\w+ ){0,3}"
        r"(?:entrevista|tiempo|conversación|charla|reunión)\b",
        3.0,
    ),
    (
        r"\b(?:grazie|la ringrazio|ti ringrazio|vi ringrazio) (?:ancora |mille |di nuovo |molto )?(?:per|del|della|dell') ?"
        r"(?:il |la |l')?(?:\w+ ){0,3}(?:colloquio|tempo|conversazione|incontro|chiacchierata)\b",
        3.0,
    ),
    (
        r"\bobrigad[oa] (?:mais uma vez |novamente |de novo )?(?:pela|pelo) (?:\w+ ){0,3}(?:conversa|entrevista|tempo|oportunidade)\b",
        3.0,
    ),
)
USER_FOLLOW_UP = pairs(
    (
        r"\b(?:informeren|vragen) naar de (?:stand van zaken|status)\b|\bstand van zaken\b.{0,60}\b(?:vacature|sollicitatie|functie)"
        r"|\bchieder\w* (?:se ci sono |se ci fossero |eventuali )?(?:aggiornamenti|novità)\b"
        r"|\b(?:sapere|capire) (?:se ci sono )?(?:aggiornamenti|novità)\b|\b(?:ci sono|ci sarebbero|eventuali) (?:degli |delle )?"
        r"(?:aggiornamenti|novità)\b|\b(?:alguma|há) (?:novidade|atualização)\b",
        3.0,
    ),
    (
        r"\b(?:savoir|connaître|demander) (?:où en est|l'état d'avancement|s'il y a du nouveau)|\boù en (?:est|sont)\b"
        r"|\bavancement (?:de ma candidature|du processus|du recrutement)\b"
        r"|\b(?:saber|preguntar|perguntar) (?:si hay|se há|se existe|cómo va|como está|en qué punto|em que ponto)",
        3.0,
    ),
)
USER_WITHDRAW = pairs(
    (
        r"\bretirer ma candidature\b|\bme retirer du processus\b|\b(?:accepté|accepter) (?:une autre|un autre) (?:offre|poste|proposition)"
        r"|\bretirar (?:mi|la|a minha) candidatura\b|\b(?:he|ya he) (?:aceptado|decidido aceptar) (?:una|otra) (?:oferta|propuesta)"
        r"|\boferta\b[^.!?]{0,40}\b(?:he|ya he) decidido aceptar\b|\bdesistir (?:do processo|da vaga|da candidatura)\b"
        r"|\baceitei (?:uma|outra) (?:proposta|oferta)\b|\britirare la (?:mia )?candidatura\b|\britirarmi dal processo\b"
        r"|\baccettato un'altra (?:offerta|proposta)\b",
        4.0,
    ),
)

