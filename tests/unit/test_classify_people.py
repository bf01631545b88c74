"""Interviewers read by the classifier from the words of a confirmation: the writer joins when they
say so ("und ich", "and me"), including the writer of an invite the user forwards, and a name
finds its address among the message's recipients."""

from __future__ import annotations

from followup.domain.classify import read
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse

USER = Identity("Tomás Berg", ("tomas.berg@example.org",), "Europe/Berlin")

FORWARDED = """From: Tomás Berg <tomas.berg@example.org>
To: Tomás Berg <tomas.berg@example.org>
Subject: Fwd: Einladung zum Interview - Data Engineer (m/w/d)
Date: Mon, 09 Mar 2026 18:00:00 +0100
Message-ID: <people-fwd@fixtures.invalid>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

zur Ablage

---------- Forwarded message ---------
From: Zoë Müller <zoe.mueller@nordlicht-daten.de>
Date: Mon, 9 Mar 2026 at 17:02
Subject: Einladung zum Interview - Data Engineer (m/w/d)
To: Tomás Berg <tomas.berg@example.org>
Cc: Łukasz Nowak <lukasz.nowak@nordlicht-daten.de>

Hallo Tomás,

hiermit bestätige ich Ihnen das Interview am Dienstag, 17.03.2026, um 10:00 Uhr per Teams.
Ihre Gesprächspartner sind Łukasz Nowak (Teamleiter Data Platform, lukasz.nowak@nordlicht-daten.de) und ich.

Viele Grüße
Zoë Müller
Nordlicht Daten GmbH
"""

DIRECT = """From: Dana Price <dana.price@harbor-labs.com>
To: Tomás Berg <tomas.berg@example.org>
Cc: Omar Haddad <omar.haddad@harbor-labs.com>
Subject: Confirmed: Data Engineer interview
Date: Mon, 09 Mar 2026 09:00:00 -0400
Message-ID: <people-direct@fixtures.invalid>
Content-Type: text/plain; charset=utf-8

Hi Tomás,

You're confirmed for Thursday, March 12 at 11:00 AM ET. You'll meet Omar Haddad and me.

Dana
"""


def test_forwarded_invite_counts_its_writer_and_the_named_colleague() -> None:
    r = read(parse(FORWARDED.encode()), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    emails = {p.email for p in r.interviewers}
    assert emails == {"lukasz.nowak@nordlicht-daten.de", "zoe.mueller@nordlicht-daten.de"}


def test_writer_who_says_and_me_joins_and_a_named_colleague_gets_the_cc_address() -> None:
    r = read(parse(DIRECT.encode()), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    emails = {p.email for p in r.interviewers}
    assert emails == {"omar.haddad@harbor-labs.com", "dana.price@harbor-labs.com"}
