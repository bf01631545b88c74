"""`followup doctor`: check config, secrets, connectivity, login and folders; say what to fix."""

from __future__ import annotations

from collections.abc import Callable

from followup.errors import FollowupError

Say = Callable[[str], None]


def doctor(config_arg: str | None, say: Say) -> bool:
    """Print one line per check (ok / PROBLEM + what to do). True when everything is fine."""
    from followup.config import find_config_path, load_config

    ok = True
    path = find_config_path(config_arg)
    if not path.exists():
        say(f"PROBLEM config: no file at {path} — run `followup init` or pass --config")
        return False
    try:
        config = load_config(path)
    except FollowupError as exc:
        say(f"PROBLEM config: {exc}")
        return False
    say(f"ok      config: {path} ({len(config.accounts)} account(s), time zone {config.identity.timezone})")
    if not config.identity.addresses:
        say("PROBLEM identity: no addresses — followup cannot tell your own mail from employers'")
        ok = False

    try:
        from followup.store import Store

        store = Store.open(config.store_path)
        say(f"ok      store: {config.store_path}")
    except FollowupError as exc:
        say(f"PROBLEM store: {exc}")
        return False

    try:
        for account in config.accounts:
            ok &= _check_account(account, store, say)
    finally:
        store.close()
    if not config.accounts:
        say("PROBLEM accounts: none configured — add an [[accounts]] table")
        ok = False
    return ok


def _check_account(account, store, say: Say) -> bool:  # noqa: ANN001
    from followup.services.accounts import open_mailbox

    name = account.name
    state, detail, _at = store.account_state(name)
    if state == "paused_auth":
        say(
            f"PROBLEM {name}: paused after a refused login: {detail} — fix the secret, then run `followup scan`"
        )
    if account.backend == "imap" and not account.password_command:
        from followup.secrets import keyring_status

        usable, what = keyring_status()
        if not usable:
            say(f"PROBLEM {name}: no usable keyring ({what}); set password_command in the account instead")
            return False
    try:
        mailbox = open_mailbox(account)
        with mailbox as mb:
            probe = getattr(mb, "probe", None)
            if probe is None:
                say(f"ok      {name}: connected and logged in")
                return True
            found = probe()
    except FollowupError as exc:
        say(f"PROBLEM {name}: {exc}")
        return False
    good = True
    for role in ("inbox", "sent", "drafts"):
        folder = found.folders.get(role)
        if folder:
            count = found.counts.get(role)
            say(
                f"ok      {name}: {role} folder {folder!r}"
                + (f" ({count} messages)" if count is not None else "")
            )
        else:
            say(f"PROBLEM {name}: no {role} folder found — set accounts.folders.{role} in the config")
            good = False
    return good
