"""Word tables for reading dates in mail: month and weekday names, number words, time-zone words.

English, German, French, Spanish, Dutch, Italian and Portuguese month and weekday names; number words up to
twelve (plus a few idioms). Zone words map to IANA names so that daylight saving time is right on
the date an interview actually takes place, not on the date the mail was sent.
"""

from __future__ import annotations

import unicodedata

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan januar jänner jaenner janvier enero januari gennaio janeiro",
        "february feb febr februar février fevrier febrero februari febbraio fevereiro",
        "march mar märz maerz mrz mär mars marzo maart março",
        "april apr avril abril aprile",
        "may mai mayo mei maggio maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct oktober okt octobre octubre ottobre outubro",
        "november nov novembre noviembre",
        "december dec dezember dez décembre decembre diciembre dicembre dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _num

# Full weekday names only (abbreviations such as "Sun", "Mon", "Do" are ordinary words too);
# abbreviations are accepted only where a digit date follows (see WEEKDAY_ABBREVIATIONS).
WEEKDAYS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "monday montag lundi lunes maandag lunedì lunedi segunda-feira",
        "tuesday dienstag mardi martes dinsdag martedì martedi terça-feira terca-feira",
        "wednesday mittwoch mercredi miércoles miercoles woensdag mercoledì mercoledi quarta-feira",
        "thursday donnerstag jeudi jueves donderdag giovedì giovedi quinta-feira",
        "friday freitag vendredi viernes vrijdag venerdì venerdi sexta-feira",
        "saturday samstag sonnabend samedi sábado sabado zaterdag sabato",
        "sunday sonntag dimanche domingo zondag domenica",
    ]
):
    for _name in _names.split():
        WEEKDAYS[_name] = _num

WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6, "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30, "couple": 2, "a couple of": 2,
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "vierzehn": 14,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "dix": 10,
    "quinze": 15,
    "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "tien": 10, "veertien": 14,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10, "quince": 15,
}  # fmt: skip

# Zone words, matched case-sensitively for abbreviations (so "ET" is not French "et" and "IST" is
# not German "ist"), case-insensitively for phrases. Values are IANA names or fixed "+HH:MM".
ZONE_ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MDT": "America/Denver", "MST": "America/Phoenix",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "GMT": "Europe/London", "BST": "Europe/London", "UTC": "UTC", "Z": "UTC",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki", "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth", "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland", "BRT": "America/Sao_Paulo", "SAST": "Africa/Johannesburg",
    "GST": "Asia/Dubai", "PKT": "Asia/Karachi",
}  # fmt: skip

# Longer phrases first where one is a prefix of another (the regex is built from this order).
ZONE_PHRASES: list[tuple[str, str]] = [
    ("central european summer time", "Europe/Berlin"),
    ("central european time", "Europe/Berlin"),
    ("eastern european time", "Europe/Helsinki"),
    ("western european time", "Europe/Lisbon"),
    ("mitteleuropäische sommerzeit", "Europe/Berlin"),
    ("mitteleuropäischer zeit", "Europe/Berlin"),
    ("mitteleuropäische zeit", "Europe/Berlin"),
    ("deutscher zeit", "Europe/Berlin"),
    ("heure de paris", "Europe/Paris"),
    ("heure française", "Europe/Paris"),
    ("hora de lisboa", "Europe/Lisbon"),
    ("hora de portugal", "Europe/Lisbon"),
    ("hora de madrid", "Europe/Madrid"),
    ("hora peninsular", "Europe/Madrid"),
    ("hora española", "Europe/Madrid"),
    ("hora de brasília", "America/Sao_Paulo"),
    ("horário de brasília", "America/Sao_Paulo"),
    ("ora italiana", "Europe/Rome"),
    ("ora di roma", "Europe/Rome"),
    ("nederlandse tijd", "Europe/Amsterdam"),
    ("eastern time", "America/New_York"),
    ("eastern standard time", "America/New_York"),
    ("eastern daylight time", "America/New_York"),
    ("central time", "America/Chicago"),
    ("central standard time", "America/Chicago"),
    ("central daylight time", "America/Chicago"),
    ("mountain time", "America/Denver"),
    ("mountain standard time", "America/Denver"),
    ("pacific time", "America/Los_Angeles"),
    ("pacific standard time", "America/Los_Angeles"),
    ("pacific daylight time", "America/Los_Angeles"),
    ("arizona time", "America/Phoenix"),
    ("india standard time", "Asia/Kolkata"),
    ("indian standard time", "Asia/Kolkata"),
    ("greenwich mean time", "Europe/London"),
    ("british summer time", "Europe/London"),
    ("uk time", "Europe/London"),
    ("british time", "Europe/London"),
    ("irish time", "Europe/Dublin"),
    ("australian eastern time", "Australia/Sydney"),
    ("eastern", "America/New_York"),
    ("central", "America/Chicago"),
    ("mountain", "America/Denver"),
    ("pacific", "America/Los_Angeles"),
]

CITY_ZONES: dict[str, str] = {
    "new york": "America/New_York", "boston": "America/New_York", "toronto": "America/Toronto",
    "chicago": "America/Chicago", "austin": "America/Chicago", "dallas": "America/Chicago",
    "denver": "America/Denver", "phoenix": "America/Phoenix", "los angeles": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "vancouver": "America/Vancouver", "london": "Europe/London", "dublin": "Europe/Dublin",
    "lisbon": "Europe/Lisbon", "paris": "Europe/Paris", "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin", "münchen": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "amsterdam": "Europe/Amsterdam", "zurich": "Europe/Zurich", "zürich": "Europe/Zurich",
    "vienna": "Europe/Vienna", "wien": "Europe/Vienna", "madrid": "Europe/Madrid",
    "stockholm": "Europe/Stockholm", "warsaw": "Europe/Warsaw", "helsinki": "Europe/Helsinki",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "singapore": "Asia/Singapore", "tokyo": "Asia/Tokyo",
    "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne",
    "auckland": "Pacific/Auckland",
}  # fmt: skip


def fold(text: str) -> str:
    """Lower-case ASCII folding for comparisons: 'Zoë Müller' -> 'zoe muller'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
