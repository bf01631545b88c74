"""Polish cue families, appended to the kind tables in ``followup.domain.rules_kinds`` (the same meanings as
the English ones there). Polish inflects its nouns, so most stems end in ``\\w*``.
"""

from __future__ import annotations

from followup.domain.rules_intl import pairs

HIRING = pairs(
    (
        r"\b(?:rekrutac\w*|stanowisk\w*|rozmow\w* (?:rekrutacyjn|kwalifikacyjn|technicz)\w*|aplikacj\w*|kandydat\w*"
        r"|proces\w* rekrutacyjn\w*)\b",
        1.5,
    ),
)

# --- employer kinds ----------------------------------------------------------------------------------
OFFER = pairs(
    (
        r"\bofert\w* (?:pracy|zatrudnienia)\b|\b(?:chcielibyśmy|chcemy) (?:\w+ )?(?:zaproponować|złożyć) (?:pani|panu|ci) "
        r"(?:ofertę|stanowisko|współpracę)|\bumow\w* o pracę\b",
        4.0,
    ),
)
REJECTION = pairs(
    (r"\bniestety\b", 1.5),
    (
        r"\b(?:kontynuować|kontynuujemy|zdecydowaliśmy|postanowiliśmy|wybraliśmy)\b[^.!?]{0,60}"
        r"\b(?:innym|inną|innymi|innego|innej|innych) (?:kandydat|osob)\w*"
        r"|\bnie (?:będziemy|zdecydowaliśmy się) (?:dalej )?(?:kontynuować|kontynuowali)\b"
        r"|\b(?:stanowisko|rola) (?:zostało|została) (?:już )?obsadzon\w*"
        r"|\b(?:pani|pana|twoja) (?:kandydatura|aplikacja) nie (?:została|zostanie)\b",
        4.0,
    ),
)
WITHDRAWN = pairs(
    (
        r"\b(?:rekrutacj|proces|stanowisk)\w*\b[^.!?]{0,60}\b(?:wstrzyman|zawieszon|anulowan)\w*"
        r"|\bwstrzyma(?:liśmy|ć|my) (?:\w+ )?(?:rekrutację|proces)\w*",
        4.0,
    ),
)
RESCHEDULE = pairs(
    (
        r"\b(?:przesunąć|przełożyć|przenieść|zmienić|przesuniemy|przełożymy)\b[^.!?]{0,20}\b(?:rozmow|spotkani|termin)\w*"
        r"|\bnowy termin\b|\bprzesunięci\w*",
        3.0,
    ),
)
CONFIRM = pairs(
    (r"\b(?:potwierdzam|potwierdzamy) (?:\w+ )?(?:rozmowę|spotkanie|termin)\w*", 3.0),
)
PROPOSAL = pairs(
    (
        r"\b(?:który|jaki) termin (?:pani |panu |ci |wam )?(?:odpowiada|pasuje)\b"
        r"|\b(?:prosimy|proszę) o (?:podanie |przesłanie )?(?:dostępności|kilku terminów|terminów)\b",
        3.0,
    ),
)
INVITE = pairs(
    (
        r"\b(?:chcielibyśmy|chcemy) (?:\w+ )?(?:zaprosić|poznać) (?:pana|panią|cię|ciebie)\b|\bzaproszenie na rozmowę\b"
        r"|\bkiedy (?:byłby pan|byłaby pani|masz czas|będzie (?:pani|panu) pasować)\b",
        2.5,
    ),
)
NEXT_ROUND = pairs(
    (r"\b(?:kolejn|następn|drug|ostatni|finaln)\w* (?:etap|rozmow|tur)\w*", 3.0),
)
ACTION = pairs(
    (r"\bzadani\w* (?:rekrutacyjn|domow|techniczn)\w*|\btest (?:techniczny|online|kompetencji)\b", 3.5),
)
ACK = pairs(
    (
        r"\bdziękujemy za (?:przesłanie |złożenie )?(?:aplikacji|zgłoszenia|cv|kandydatury)\b"
        r"|\botrzymaliśmy (?:pani |pana |twoją |państwa )?(?:aplikację|zgłoszenie|cv|kandydaturę)\b"
        r"|\b(?:aplikacja|zgłoszenie|kandydatura) (?:została|zostało) (?:\w+ )?(?:wysłan|przesłan|przyjęt|zarejestrowan)\w*",
        3.0,
    ),
)
PROMISE = pairs(
    (
        r"\b(?:odezwiemy|odpowiemy|skontaktujemy|wrócimy|odezwę|skontaktuję|wrócę) (?:się )?(?:do (?:pani|pana|ciebie) )?"
        r"(?:\w+ )?(?:do|w ciągu|najpóźniej|w przyszłym|na początku|pod koniec|z odpowiedzią|z decyzją)\b"
        r"|\b(?:informację|decyzję|odpowiedź) (?:zwrotną )?(?:przekażemy|otrzyma|dostanie|prześlemy)\b",
        3.0,
    ),
)

# --- the user's own mail ------------------------------------------------------------------------------
USER_THANKS = pairs(
    (
        r"\bdziękuję (?:bardzo |jeszcze raz |serdecznie )?za (?:dzisiejszą |wczorajszą |miłą )?(?:rozmowę|spotkanie|czas|poświęcony)",
        3.0,
    ),
)
USER_FOLLOW_UP = pairs(
    (
        r"\bczy (?:są|jest) (?:już )?(?:jakieś )?(?:nowe )?(?:informacje|wieści|decyzja)\b|\bna jakim etapie\b",
        3.0,
    ),
)
USER_WITHDRAW = pairs(
    (
        r"\bwycofać (?:moją |swoją )?(?:kandydaturę|aplikację)\b|\bwycofuję\b|\bprzyjęłam (?:inną )?ofertę\b|\bprzyjąłem\b",
        4.0,
    ),
)
