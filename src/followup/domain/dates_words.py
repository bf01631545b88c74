"""Word tables for reading dates in mail: month and weekday names, number words, time-zone words.

English, German, French, Spanish, Dutch, Italian, Portuguese, Danish, Norwegian, Swedish and Polish (also its
genitive and accusative forms: "20 marca", "w środę", "do piątku") month and weekday names; number words up
to twelve (plus a few idioms). Zone words map to IANA names so that daylight saving time is right on
the date an interview actually takes place, not on the date the mail was sent.
"""

from __future__ import annotations

import unicodedata

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan januar jänner jaenner janvier enero januari gennaio janeiro stycznia styczeń",
        "february feb febr februar février fevrier febrero februari febbraio fevereiro lutego luty",
        "march mar märz maerz mrz mär mars marzo maart março marts marca marzec",
        "april apr avril abril aprile kwietnia kwiecień",
        "may mai mayo mei maggio maio maj maja",
        "june jun juni juin junio giugno junho czerwca czerwiec",
        "july jul juli juillet julio luglio julho lipca lipiec",
        "august aug août aout agosto augustus augusti sierpnia sierpień",
        "september sep sept septembre septiembre settembre setembro września wrzesień",
        "october oct oktober okt octobre octubre ottobre outubro października październik",
        "november nov novembre noviembre listopada listopad",
        "december dec dezember dez décembre decembre diciembre dicembre dezembro grudnia grudzień",
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
        "monday montag lundi lunes maandag lunedì lunedi segunda-feira mandag måndag poniedziałek poniedziałku",
        "tuesday dienstag mardi martes dinsdag martedì martedi terça-feira terca-feira tirsdag tisdag wtorek wtorku",
        "wednesday mittwoch mercredi miércoles miercoles woensdag mercoledì mercoledi quarta-feira onsdag środa środę środy",
        "thursday donnerstag jeudi jueves donderdag giovedì giovedi quinta-feira torsdag czwartek czwartku",
        "friday freitag vendredi viernes vrijdag venerdì venerdi sexta-feira fredag piątek piątku",
        "saturday samstag sonnabend samedi sábado sabado zaterdag sabato lørdag lördag lordag sobota sobotę soboty",
        "sunday sonntag dimanche domingo zondag domenica søndag söndag sondag niedziela niedzielę niedzieli",
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
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10, "quince": 15, "una": 1,
    "uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "dieci": 10, "quindici": 15,
    "uma": 1, "duas": 2, "três": 3, "dez": 10,
    "to": 2, "två": 2, "fem": 5, "ti": 10, "tio": 10, "fjorten": 14, "fjorton": 14,
    "dwa": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "pięć": 5, "pięciu": 5, "dziesięć": 10,
    "dziesięciu": 10, "czternastu": 14,
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
    ("heure normale de l'est", "America/Toronto"),
    ("heure avancée de l'est", "America/Toronto"),
    ("heure de l'est", "America/Toronto"),
    ("heure du québec", "America/Toronto"),
    ("heure de montréal", "America/Toronto"),
    ("heure du pacifique", "America/Vancouver"),
    ("heure du centre", "America/Winnipeg"),
    ("heure de l'atlantique", "America/Halifax"),
    ("heure de paris", "Europe/Paris"),
    ("heure de bruxelles", "Europe/Brussels"),
    ("heure suisse", "Europe/Zurich"),
    ("hora del centro de méxico", "America/Mexico_City"),
    ("hora del centro", "America/Mexico_City"),
    ("hora de la ciudad de méxico", "America/Mexico_City"),
    ("hora de ciudad de méxico", "America/Mexico_City"),
    ("hora de méxico", "America/Mexico_City"),
    ("hora de colombia", "America/Bogota"),
    ("hora de bogotá", "America/Bogota"),
    ("hora de argentina", "America/Argentina/Buenos_Aires"),
    ("hora de buenos aires", "America/Argentina/Buenos_Aires"),
    ("hora de chile", "America/Santiago"),
    ("hora de canarias", "Atlantic/Canary"),
    ("svensk tid", "Europe/Stockholm"),
    ("dansk tid", "Europe/Copenhagen"),
    ("norsk tid", "Europe/Oslo"),
    ("finsk tid", "Europe/Helsinki"),
    ("czasu polskiego", "Europe/Warsaw"),
    ("czasu środkowoeuropejskiego", "Europe/Warsaw"),
    ("polskiego czasu", "Europe/Warsaw"),
    ("ora dell'europa centrale", "Europe/Rome"),
    ("belgische tijd", "Europe/Brussels"),
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
# the same phrases written with a typographic apostrophe ("heure de l’Est")
ZONE_PHRASES += [(p.replace("'", "’"), z) for p, z in ZONE_PHRASES if "'" in p]

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
