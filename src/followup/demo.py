"""`followup demo`: the product end to end against a throwaway local Dovecot seeded with sample mail.

Nothing outside a temporary folder is touched: a private IMAP server on 127.0.0.1, a private config and
store. The sample mailbox (``followup/sample``) is two hiring processes and a newsletter; the clock is set
to the morning when a thank-you and a decision follow-up are both due.
"""

from __future__ import annotations

import email
import shutil
import tempfile
from email import policy
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path

DEMO_AS_OF = "2026-03-13T10:00:00-04:00"
USER = ("Sam Rivera", "sam.rivera@example.net", "America/New_York")


def sample_messages() -> list[tuple[str, str, bytes]]:
    """(folder, file name, raw bytes) of the shipped sample mailbox, in file order."""
    root = resources.files("followup") / "sample"
    out = []
    for folder in ("INBOX", "Sent"):
        for item in sorted((root / folder).iterdir(), key=lambda p: p.name):
            if item.name.endswith(".eml"):
                out.append((folder, item.name, item.read_bytes()))
    return sorted(out, key=lambda t: t[1])


def _date(raw: bytes):  # noqa: ANN202
    msg = email.message_from_bytes(raw, policy=policy.compat32)
    return parsedate_to_datetime(msg["Date"])


def demo_config(host: str, port: int, store: Path) -> str:
    name, address, tz = USER
    return f"""# followup demo config (throwaway)
[identity]
name = "{name}"
addresses = ["{address}"]
timezone = "{tz}"

[[accounts]]
name = "demo"
backend = "imap"
host = "{host}"
port = {port}
security = "plain"
username = "{address}"
password_command = "echo demo-password"

[store]
path = "{store}"
"""


def run_demo(*, keep: bool = False, say=print) -> int:  # noqa: ANN001
    from followup.cli import parse_as_of
    from followup.config import parse_config
    from followup.devserver import DevServer
    from followup.services.scan import evaluate_all, scan
    from followup.services.views import status_table
    from followup.store import Store

    work = Path(tempfile.mkdtemp(prefix="followup-demo-"))
    server = DevServer(user=USER[1], password="demo-password")
    try:
        server.start()
        say(f"Started a throwaway IMAP server on {server.host}:{server.port} (Dovecot).")
        for folder, name, raw in sample_messages():
            server.deliver(folder, raw, _date(raw))
            say(f"  delivered {folder}/{name}")
        cfg_path = work / "config.toml"
        cfg_path.write_text(demo_config(server.host, server.port, work / "followup.sqlite"), "utf-8")
        config = parse_config(cfg_path.read_text("utf-8"), cfg_path)
        now = parse_as_of(DEMO_AS_OF, config.identity.timezone)
        say(f"\n$ followup --config {cfg_path} scan --as-of {DEMO_AS_OF}")
        store = Store.open(config.store_path)
        try:
            result = scan(config, store, now)
            for rep in result.syncs:
                say(f"{rep.account}: {rep.fetched} new messages, {rep.hiring} hiring")
            for o in result.drafts.outcomes:
                say(f"{o.state} {o.kind} to {', '.join(o.to)} [{o.process_id}]")
            say(f"\n$ followup --config {cfg_path} status --as-of {DEMO_AS_OF}")
            say(status_table(evaluate_all(store, config, now), store, config.identity, now, ["demo"]))
        finally:
            store.close()
        client = server.client()
        try:
            client.select_folder("Drafts", readonly=True)
            uids = client.search(["ALL"])
            say(f"\nThe Drafts folder now holds {len(uids)} draft(s). The first one:\n")
            if uids:
                raw = client.fetch(uids[:1], ["BODY.PEEK[]"])[uids[0]][b"BODY[]"]
                say(raw.decode("utf-8", "replace").replace("\r\n", "\n"))
        finally:
            client.logout()
        say("Nothing was sent: followup has no way to send mail.")
        return 0 if not result.errors else 1
    finally:
        server.stop()
        if keep:
            say(f"Files kept in {work} and {server.root}.")
        else:
            shutil.rmtree(work, ignore_errors=True)
            server.cleanup()
