"""Secrets stay out of logs, tracebacks and the store; files are private; drafts and the digest carry no
remote content; two processes never mix. (TLS verification and the plaintext rule: see
tests/integration/test_imap_connect.py; the CLI-level checks are here.)"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.config import parse_config
from followup.demo import USER, sample_messages
from followup.devserver import DevServer
from followup.store import Store
from tests.reliability.conftest import (
    EXPECTED,
    Env,
    config_text,
    folder,
    kinds,
    require_dovecot,
    run_cli,
    spawn_cli,
)
from tests.support.replay import header_date

SECRET = "Zq9-distinctive-S3cret-71c4"
WRONG = "Wr0ng-distinctive-Guess-5e2a"


@pytest.fixture
def secret_env(tmp_path: Path) -> Iterator[Env]:
    require_dovecot()
    with DevServer(user=USER[1], password=SECRET) as server:
        for box, _name, raw in sample_messages():
            server.deliver(box, raw, header_date(raw))
        path = tmp_path / "config.toml"
        path.write_text(
            config_text(
                port=server.port, store=tmp_path / "state" / "store.sqlite", password_command=f"echo {SECRET}"
            ),
            "utf-8",
        )
        yield Env(server, path, parse_config(path.read_text("utf-8"), path))


def _store_bytes(path: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name) and p.is_file()
    )


def test_secrets_never_reach_debug_logs_tracebacks_or_the_store(secret_env: Env) -> None:
    cfg = secret_env.config_path
    good = run_cli("--debug", "scan", "--as-of", secret_env.as_of, config=cfg)
    assert good.returncode == 0, good.stderr
    assert "DEBUG" in good.stderr  # the debug log really was on
    # a refused login, at debug level (an account error: reported, the scan goes on)
    cfg.write_text(cfg.read_text("utf-8").replace(f"echo {SECRET}", f"echo {WRONG}"), "utf-8")
    refused = run_cli("--debug", "scan", "--as-of", secret_env.as_of, config=cfg)
    assert refused.returncode != 0 and "refused" in refused.stderr
    # a password_command that fails after printing the secret on both streams
    cfg.write_text(
        cfg.read_text("utf-8").replace(f"echo {WRONG}", f"echo {SECRET}; echo {SECRET} >&2; exit 3"), "utf-8"
    )
    failed = run_cli("--debug", "scan", "--as-of", secret_env.as_of, config=cfg)
    assert failed.returncode != 0 and "password_command" in failed.stderr
    assert "Traceback" in failed.stderr  # --debug re-raises: the whole traceback is printed
    for run in (good, refused, failed):
        for secret in (SECRET, WRONG):
            assert secret not in run.stdout and secret not in run.stderr
    data = _store_bytes(secret_env.config.store_path)
    assert data and SECRET.encode() not in data and WRONG.encode() not in data
    # the server's own log saw the login: the password must not be in the mail either
    assert all(SECRET.encode() not in raw for raw in secret_env.drafts())


def test_store_lock_and_config_are_created_private_even_with_a_lax_umask(
    secret_env: Env, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        made = tmp_path / "newdir" / "config.toml"
        init = run_cli(
            "--config", str(made), "init", "--name", "Sam", "--address", USER[1], "--timezone", USER[2]
        )
        assert init.returncode == 0, init.stderr
        scan = run_cli("scan", "--as-of", secret_env.as_of, config=secret_env.config_path)
        assert scan.returncode == 0, scan.stderr
    finally:
        os.umask(old)
    assert made.stat().st_mode & 0o777 == 0o600
    assert made.parent.stat().st_mode & 0o777 == 0o700
    store = secret_env.config.store_path
    assert store.parent.stat().st_mode & 0o777 == 0o700
    files = [p for p in store.parent.iterdir() if p.name.startswith(store.name)]
    assert store in files
    for p in files:
        assert p.stat().st_mode & 0o077 == 0, f"{p.name} is readable by others: {oct(p.stat().st_mode)}"


def test_a_scan_with_security_left_out_verifies_tls_and_refuses_a_self_signed_server(tmp_path: Path) -> None:
    require_dovecot()
    with DevServer(tls=True, user=USER[1], password=SECRET) as server:
        path = tmp_path / "config.toml"
        assert server.tls_port is not None
        path.write_text(
            config_text(port=server.tls_port, store=tmp_path / "s.sqlite", security=None, host="localhost"),
            "utf-8",
        )
        assert parse_config(path.read_text("utf-8"), path).accounts[0].security == "tls"
        out = run_cli("scan", config=path)
        assert out.returncode != 0 and "certificate verify failed" in out.stderr
        assert folder(server, "Drafts") == []


def test_plain_imap_to_a_remote_host_is_refused_without_a_connection(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(config_text(port=143, store=tmp_path / "s.sqlite", host="192.0.2.1"), "utf-8")
    out = run_cli("scan", config=path, timeout=30)
    assert out.returncode != 0 and "loopback" in out.stderr  # refused by config validation already


_URL = re.compile(rb"https?://[^\s>\"'\])]+")
_NOTE_URL = b"https://portfolio.example.net/sam"


def _with_remote_content(raw: bytes) -> bytes:
    """Put links, a tracking pixel and a script into the employer's mail."""
    return raw.replace(
        b"Hi Sam,",
        b'Hi Sam, <img src="https://tracker.example/open.gif"> <script src=https://cdn.example/x.js></script>'
        b" see https://careers.example/login?token=abc and http://short.example/x",
        1,
    )


def test_drafts_and_the_digest_carry_no_remote_content_from_mail(tmp_path: Path) -> None:
    require_dovecot()
    with DevServer(user=USER[1], password="demo-password") as server:
        for box, _name, raw in sample_messages():
            server.deliver(box, _with_remote_content(raw) if box == "INBOX" else raw, header_date(raw))
        path = tmp_path / "config.toml"
        path.write_text(config_text(port=server.port, store=tmp_path / "s.sqlite"), "utf-8")
        env = Env(server, path, parse_config(path.read_text("utf-8"), path))
        assert run_cli("scan", "--as-of", "2026-03-01T10:00:00-05:00", config=path).returncode == 0
        note = run_cli("note", "Harbor", f"my portfolio: {_NOTE_URL.decode()}", config=path)
        assert note.returncode == 0, note.stderr
        assert run_cli("scan", "--as-of", env.as_of, config=path).returncode == 0
        drafts = env.drafts()
        assert kinds(drafts) == EXPECTED
        for raw in drafts:
            body = raw.split(b"\r\n\r\n", 1)[1].replace(b"=\r\n", b"")
            assert set(_URL.findall(body)) <= {_NOTE_URL}, body
        assert any(_NOTE_URL in raw.replace(b"=\r\n", b"") for raw in drafts)  # the user's own link stays
        preview = tmp_path / "digest.html"
        out = run_cli("digest", "--preview", str(preview), "--as-of", env.as_of, config=path)
        assert out.returncode == 0, out.stderr
        html = preview.read_bytes().lower()
        assert b"<img" not in html and b"<script" not in html and b"tracker.example" not in html
        assert not re.search(rb"(src|href)\s*=\s*[\"']?https?://", html)


_SWAP = [
    (b"Lumen Robotics", b"Quartz Dynamics"),
    (b"lumenrobotics.com", b"quartzdyn.example"),
    (b"Marcus Lee", b"Ines Moreau"),
    (b"Marcus", b"Ines"),
    (b"Priya Natarajan", b"Tomas Berg"),
    (b"Priya", b"Tomas"),
    (b"priya.natarajan", b"tomas.berg"),
    (b"marcus.lee", b"ines.moreau"),
    (b"Harbor Freight Logistics", b"Copperleaf Shipping"),
    (b"harborfreight-logistics.com", b"copperleaf.example"),
    (b"Harbor", b"Copperleaf"),
    (b"Dana Whitfield", b"Yusuf Adeyemi"),
    (b"dana.whitfield", b"yusuf.adeyemi"),
    (b"Dana", b"Yusuf"),
]


def _swapped(raw: bytes) -> bytes:
    for old, new in _SWAP:
        raw = raw.replace(old, new)
    return raw


def test_two_processes_at_once_never_mix_companies_or_people_in_drafts(tmp_path: Path) -> None:
    require_dovecot()
    mine = [old.decode() for old, _ in _SWAP]
    theirs = [new.decode() for _, new in _SWAP]
    envs, procs = [], []
    servers = [DevServer(user=USER[1], password="demo-password") for _ in range(2)]
    try:
        for n, server in enumerate(servers):
            server.start()
            for box, _name, raw in sample_messages():
                server.deliver(box, _swapped(raw) if n else raw, header_date(raw))
            path = tmp_path / f"config{n}.toml"
            path.write_text(config_text(port=server.port, store=tmp_path / f"s{n}.sqlite"), "utf-8")
            envs.append(Env(server, path, parse_config(path.read_text("utf-8"), path)))
        for env in envs:
            procs.append(spawn_cli("scan", "--as-of", env.as_of, config=env.config_path))
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        for n, env in enumerate(envs):
            drafts = env.drafts()
            assert len(drafts) == 2
            own, other = (theirs, mine) if n else (mine, theirs)
            text = b"\n".join(drafts).decode("utf-8", "replace")
            assert any(word in text for word in own)
            leaked = [word for word in other if word in text]
            assert leaked == [], f"process {n} drafts mention {leaked}"
    finally:
        for server in servers:
            server.cleanup()


def test_the_store_never_holds_message_bodies(sample_env: Env) -> None:
    assert sample_env.scan().ok
    data = _store_bytes(sample_env.config.store_path)
    with Store.open(sample_env.config.store_path):
        pass
    for _box, _name, raw in sample_messages():
        body = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[1]
        sentence = next((line for line in body.split(b"\n") if len(line) > 60 and b"BEGIN" not in line), None)
        if sentence:
            assert sentence.strip() not in data
