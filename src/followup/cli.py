"""The command line: `followup [--config PATH] COMMAND`.

Users get a one-line message and an exit code; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followup import __version__
from followup.errors import ConfigError, FollowupError

log = logging.getLogger("followup.cli")


def parse_as_of(text: str | None, tz: str) -> datetime:
    """The clock: now, or --as-of (ISO; a naive value is read in the user's time zone)."""
    if not text:
        return datetime.now(ZoneInfo(tz))
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConfigError(
            f"--as-of {text!r} is not an ISO date or datetime (e.g. 2026-03-03T17:30:00-06:00)"
        ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(tz))
    return value


def _load(args: argparse.Namespace):  # -> Config
    from followup.config import find_config_path, load_config

    path = find_config_path(args.config)
    if not path.exists():
        raise ConfigError(
            f"no config at {path}: run `followup init` to write a starter one, or pass --config"
        )
    return load_config(path)


def _open_store(config):  # -> Store
    from followup.store import Store

    return Store.open(config.store_path)


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from followup.config import find_config_path, starter_config

    path = find_config_path(args.config)
    if path.exists() and not args.force:
        print(f"{path} exists already; use --force to overwrite it.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(starter_config(args.name or "", args.address or "", args.timezone or ""), "utf-8")
    path.chmod(0o600)
    print(f"Wrote {path}. Edit it, then run `followup auth ACCOUNT` and `followup doctor`.")
    return 0


def cmd_auth(args: argparse.Namespace) -> int:
    config = _load(args)
    account = config.account(args.account)
    if account.backend == "gmail" or account.auth == "xoauth2":
        from followup.gmail_auth import authorize, export_token, import_token

        if args.export:
            print(export_token(account))
            return 0
        if args.import_file:
            text = sys.stdin.read() if args.import_file == "-" else Path(args.import_file).read_text("utf-8")
            import_token(account, text)
            print(f"Imported the Google grant for {account.name} into the system keyring.")
            return 0
        authorize(account, open_browser=not args.no_browser)
        print(f"Gmail access for {account.name} stored in the system keyring.")
        return 0
    from followup.secrets import store_secret

    if args.password_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        secret = getpass.getpass(f"Password or app password for {account.username or account.name}: ")
    if not secret:
        raise ConfigError("no password given; nothing stored")
    store_secret(account.name, secret)
    print(f"Secret for {account.name} stored in the system keyring (service 'followup').")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from followup.services.doctor import doctor

    ok = doctor(args.config, print)
    return 0 if ok else 1


def cmd_scan(args: argparse.Namespace) -> int:
    from followup.services.scan import scan

    config = _load(args)
    now = parse_as_of(args.as_of, config.identity.timezone)
    store = _open_store(config)
    try:
        result = scan(config, store, now, accounts=args.account or (), dry_run=args.dry_run)
    finally:
        store.close()
    for rep in result.syncs:
        print(f"{rep.account}: {rep.fetched} new messages, {rep.hiring} hiring, {rep.seconds:.1f}s")
    verb = "would draft" if args.dry_run else "drafted"
    for o in result.drafts.outcomes:
        if o.state in ("drafted", "would_draft"):
            print(f"{verb} {o.kind} to {', '.join(o.to)} [{o.process_id}]")
        elif o.state in ("held_back", "blocked"):
            print(f"not drafted: {o.kind} [{o.process_id}]: {o.detail}")
    for o in result.removed.outcomes:
        print(
            f"{'would remove' if args.dry_run else 'removed'} pointless {o.kind} draft [{o.process_id}]"
            if o.state == "removed"
            else f"kept your edited {o.kind} draft [{o.process_id}]"
        )
    for name, problem in result.errors.items():
        print(f"{name}: {problem}", file=sys.stderr)
    return 0 if result.ok else 2


def _evaluations(args: argparse.Namespace):
    from followup.services.scan import evaluate_all

    config = _load(args)
    now = parse_as_of(getattr(args, "as_of", None), config.identity.timezone)
    store = _open_store(config)
    return config, store, now, evaluate_all(store, config, now)


def cmd_status(args: argparse.Namespace) -> int:
    from followup.services.views import status_json, status_table

    config, store, now, evals = _evaluations(args)
    try:
        if args.json:
            print(json.dumps(status_json(evals, store, now, config.identity), indent=2, ensure_ascii=False))
        else:
            print(status_table(evals, store, config.identity, now, [a.name for a in config.accounts]))
    finally:
        store.close()
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from followup.services.views import explain, find_evaluation

    config, store, now, evals = _evaluations(args)
    try:
        ev = find_evaluation(evals, args.process)
        if ev is None:
            known = ", ".join(f"{e.process.id} ({e.process.company})" for e in evals) or "none yet"
            print(f"no process matches {args.process!r}; known: {known}", file=sys.stderr)
            return 1
        print(explain(ev, store, config.identity))
    finally:
        store.close()
    return 0


def _process_command(args: argparse.Namespace, apply) -> int:  # note / mute / unmute
    from followup.services.views import find_evaluation

    config, store, now, evals = _evaluations(args)
    try:
        ev = find_evaluation(evals, args.process)
        if ev is None:
            print(f"no process matches {args.process!r}; see `followup status`", file=sys.stderr)
            return 1
        apply(store, ev.process, now)
    finally:
        store.close()
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    def apply(store, process, now):
        store.add_note(process.id, args.text, now)
        print(f"Noted for {process.company} ({process.id}).")

    return _process_command(args, apply)


def cmd_mute(args: argparse.Namespace) -> int:
    def apply(store, process, now):
        store.set_muted(process.id, not args.unmute)
        print(f"{'Unmuted' if args.unmute else 'Muted'} {process.company} ({process.id}).")

    return _process_command(args, apply)


def cmd_classify(args: argparse.Namespace) -> int:
    from followup.services.classify_files import classify_files, render_text

    identity = None
    try:
        identity = _load(args).identity
    except ConfigError:
        if args.config:  # an explicit config that is broken is an error; a missing default is fine
            raise
    results = classify_files([Path(f) for f in args.files], identity, extra_addresses=args.me or ())
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(render_text(results))
    return 0 if all(r.get("error") is None for r in results) else 1


def cmd_digest(args: argparse.Namespace) -> int:
    from followup.services.digest import make_digest

    config = _load(args)
    now = parse_as_of(args.as_of, config.identity.timezone)
    store = _open_store(config)
    try:
        outcome = make_digest(
            config, store, now, preview=Path(args.preview) if args.preview else None, force=args.force
        )
    finally:
        store.close()
    print(outcome)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from followup.scheduler import run_daemon

    config = _load(args)
    return run_daemon(config, once=args.once)


def cmd_rebuild(args: argparse.Namespace) -> int:
    from followup.services.rebuild import rebuild

    config = _load(args)
    print(rebuild(config))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from followup.demo import run_demo

    return run_demo(keep=args.keep)


# ---------------------------------------------------------------- wiring


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="followup", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--config", help="config file (default: $FOLLOWUP_CONFIG or the user config dir)")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    p.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("init", help="write a starter config")
    s.add_argument("--name")
    s.add_argument("--address")
    s.add_argument("--timezone")
    s.add_argument("--force", action="store_true")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("auth", help="store an account's secret in the keyring (or run Gmail's OAuth flow)")
    s.add_argument("account")
    s.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    s.add_argument("--no-browser", action="store_true", help="Gmail: print the URL instead of opening it")
    s.add_argument(
        "--export", action="store_true", help="Gmail: print the stored grant (to move it to a headless host)"
    )
    s.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        help="Gmail: store a grant exported elsewhere (- for stdin)",
    )
    s.set_defaults(func=cmd_auth)

    s = sub.add_parser("doctor", help="check config, secrets, connectivity and folders")
    s.set_defaults(func=cmd_doctor)

    s = sub.add_parser("scan", help="one pass: sync, infer, create due drafts")
    s.add_argument("--account", action="append", help="only this account (repeatable)")
    s.add_argument("--as-of", help="evaluate as if the clock read this ISO time")
    s.add_argument(
        "--dry-run", action="store_true", help="change nothing in the mailbox; say what would be done"
    )
    s.set_defaults(func=cmd_scan)

    s = sub.add_parser("status", help="every process and its next action")
    s.add_argument("--json", action="store_true")
    s.add_argument("--as-of")
    s.set_defaults(func=cmd_status)

    s = sub.add_parser("explain", help="the evidence behind a process")
    s.add_argument("process", help="process id (or a unique prefix, or the company name)")
    s.add_argument("--as-of")
    s.set_defaults(func=cmd_explain)

    s = sub.add_parser("note", help="add your own note to a process (used in its drafts)")
    s.add_argument("process")
    s.add_argument("text")
    s.set_defaults(func=cmd_note)

    s = sub.add_parser("mute", help="silence a process (no drafts)")
    s.add_argument("process")
    s.add_argument("--unmute", action="store_true")
    s.set_defaults(func=cmd_mute)

    s = sub.add_parser("classify", help="what followup reads from single messages (no mailbox needed)")
    s.add_argument("files", nargs="+", metavar="FILE.eml")
    s.add_argument("--json", action="store_true")
    s.add_argument("--me", action="append", help="an address of yours (when no config is found)")
    s.set_defaults(func=cmd_classify)

    s = sub.add_parser("digest", help="put the weekly digest into the inbox, or write it to a file")
    s.add_argument("--preview", metavar="FILE", help="write the HTML to FILE instead")
    s.add_argument("--as-of")
    s.add_argument("--force", action="store_true", help="even if this week's digest was made")
    s.set_defaults(func=cmd_digest)

    s = sub.add_parser("run", help="the daemon: scans on a schedule, digest weekly")
    s.add_argument("--once", action="store_true", help="one scan of every account, then exit")
    s.set_defaults(func=cmd_run)

    s = sub.add_parser(
        "rebuild", help="rebuild the local store from the mailbox (a damaged one is moved aside)"
    )
    s.set_defaults(func=cmd_rebuild)

    s = sub.add_parser("demo", help="run against a throwaway local IMAP server seeded with sample mail")
    s.add_argument("--keep", action="store_true", help="leave the server's files for inspection")
    s.set_defaults(func=cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from followup.logs import setup_logging

    setup_logging("DEBUG" if args.debug else "WARNING")
    try:
        return int(args.func(args) or 0)
    except FollowupError as exc:
        if args.debug:
            raise
        print(f"followup: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
