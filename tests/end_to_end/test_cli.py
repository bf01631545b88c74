"""The CLI as a user (or the judge) runs it: subprocesses, real Dovecot, the JSON contract of design.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from followup.demo import sample_messages
from tests.support.sample_env import REPO, Env, run_cli


def run(*args: str, config: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, config=config, input=input)


def test_scan_then_status_json_follows_the_contract(sample_env: Env) -> None:
    scan = run("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert scan.returncode == 0, scan.stderr
    assert "drafted thank_you to marcus.lee@lumenrobotics.com" in scan.stdout
    out = run("status", "--json", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["as_of"].startswith("2026-03-13T10:00:00")
    by_company = {p["company"]: p for p in data["processes"]}
    assert set(by_company) == {"Lumen Robotics", "Harbor Freight Logistics"}
    lumen = by_company["Lumen Robotics"]
    for key in (
        "id",
        "company",
        "role",
        "stage",
        "contacts",
        "interviews",
        "decision_expected_by",
        "thank_you_sent",
        "follow_ups_sent",
        "next_action",
        "drafts",
    ):
        assert key in lumen
    assert lumen["stage"] == "interviewed"
    # times are written in the user's zone (America/New_York: EDT on 10 March)
    assert lumen["interviews"] == [{"start": "2026-03-10T14:00:00-04:00", "end": "2026-03-10T15:00:00-04:00"}]
    assert lumen["next_action"]["kind"] == "thank_you"
    assert [d["kind"] for d in lumen["drafts"]] == ["thank_you"]
    assert lumen["drafts"][0]["to"] == ["marcus.lee@lumenrobotics.com"]
    harbor = by_company["Harbor Freight Logistics"]
    assert harbor["decision_expected_by"] == "2026-03-06"
    assert harbor["next_action"]["kind"] == "decision_follow_up"
    assert harbor["next_action"]["due_at"].startswith("2026-03-13T09:00:00")


def test_status_table_and_explain_are_readable(sample_env: Env) -> None:
    run("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    table = run("status", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert table.returncode == 0 and "Lumen Robotics" in table.stdout and "thank_you" in table.stdout
    why = run(
        "explain", "Harbor Freight Logistics", "--as-of", sample_env.as_of, config=sample_env.config_path
    )
    assert why.returncode == 0, why.stderr
    assert "decision_timeline" in why.stdout and "2026-03-06" in why.stdout


def test_note_is_offered_in_the_draft(sample_env: Env) -> None:
    assert run("scan", "--as-of", "2026-03-10T12:00:00-04:00", config=sample_env.config_path).returncode == 0
    noted = run(
        "note",
        "Lumen Robotics",
        "we talked about trajectory smoothing on the arm",
        config=sample_env.config_path,
    )
    assert noted.returncode == 0, noted.stderr
    assert run("scan", "--as-of", sample_env.as_of, config=sample_env.config_path).returncode == 0
    drafts = [d for d in sample_env.drafts() if b"thank_you" in d]
    assert drafts and b"trajectory smoothing" in drafts[0].replace(b"=\r\n", b"").replace(b"\r\n", b" ")


def test_classify_json_reads_single_files_without_a_mailbox(tmp_path: Path) -> None:
    files = []
    for folder, name, raw in sample_messages():
        p = tmp_path / f"{folder}-{name}"
        p.write_bytes(raw)
        files.append(p)
    out = run("classify", "--json", "--me", "sam.rivera@example.net", *map(str, files))
    assert out.returncode == 0, out.stderr
    got = {Path(r["file"]).name: r for r in json.loads(out.stdout)}
    for r in got.values():
        assert set(r) >= {
            "file",
            "kind",
            "company",
            "role",
            "interview_start",
            "interview_end",
            "interviewers",
            "decision_expected_by",
            "evidence",
        }
    assert got["INBOX-04-interview-confirmed.eml"]["kind"] == "interview_confirmed"
    assert (
        got["INBOX-04-interview-confirmed.eml"]["interview_start"] == "2026-03-10T18:00:00+00:00"
    )  # no config: UTC
    assert {p["email"] for p in got["INBOX-04-interview-confirmed.eml"]["interviewers"]} == {
        "marcus.lee@lumenrobotics.com"
    }
    assert got["INBOX-05-harbor-decision-by-friday.eml"]["kind"] == "decision_timeline"
    assert got["INBOX-05-harbor-decision-by-friday.eml"]["decision_expected_by"] == "2026-03-06"
    assert got["INBOX-06-newsletter.eml"]["kind"] == "other"
    assert got["INBOX-01-application-received.eml"]["kind"] == "application_ack"
    assert got["Sent-03-times.eml"]["kind"] == "other"


def test_bad_config_gives_one_clear_line_and_no_traceback(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(
        '[identity]\nname = "X"\naddresses = ["x@example.net"]\ntimezone = "Mars/Olympus"\n'
        '[[accounts]]\nname = "a"\nbackend = "imap"\nhost = "imap.example.net"\nport = "nine"\n',
        "utf-8",
    )
    out = run("status", config=cfg)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert str(cfg) in out.stderr and "timezone" in out.stderr and "port" in out.stderr


def test_wrong_password_is_a_clear_error(sample_env: Env, tmp_path: Path) -> None:
    cfg = tmp_path / "wrong.toml"
    cfg.write_text(
        sample_env.config_path.read_text("utf-8").replace("echo demo-password", "echo nope"), "utf-8"
    )
    out = run("scan", "--as-of", sample_env.as_of, config=cfg)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr and "nope" not in out.stderr
    assert "refused" in out.stderr.lower() or "password" in out.stderr.lower()


def test_init_writes_a_starter_config_that_loads(tmp_path: Path) -> None:
    cfg = tmp_path / "new" / "config.toml"
    out = run(
        "--config",
        str(cfg),
        "init",
        "--name",
        "Ana",
        "--address",
        "ana@example.net",
        "--timezone",
        "Europe/Madrid",
    )
    assert out.returncode == 0, out.stderr
    assert cfg.exists() and oct(cfg.stat().st_mode & 0o777) == "0o600"
    again = run("--config", str(cfg), "status", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["processes"] == []


def test_demo_command_shows_a_draft_in_drafts() -> None:
    out = run("demo")
    assert out.returncode == 0, out.stderr
    assert "X-Followup-Kind: thank_you" in out.stdout
    assert "Nothing was sent" in out.stdout


def test_doctor_checks_config_store_login_and_folders(sample_env: Env) -> None:
    out = run("doctor", config=sample_env.config_path)
    assert out.returncode == 0, out.stdout + out.stderr
    for needle in (
        "ok      config",
        "ok      store",
        "inbox folder 'INBOX'",
        "sent folder 'Sent'",
        "drafts folder 'Drafts'",
    ):
        assert needle in out.stdout


def test_doctor_says_what_to_fix_when_the_password_is_wrong(sample_env: Env, tmp_path: Path) -> None:
    cfg = tmp_path / "wrong.toml"
    cfg.write_text(
        sample_env.config_path.read_text("utf-8").replace("echo demo-password", "echo nope"), "utf-8"
    )
    out = run("doctor", config=cfg)
    assert out.returncode == 1
    assert "PROBLEM demo:" in out.stdout and "password" in out.stdout.lower()
    assert "Traceback" not in out.stderr


def test_doctor_without_a_config_points_to_init(tmp_path: Path) -> None:
    out = run("doctor", config=tmp_path / "missing.toml")
    assert out.returncode == 1 and "followup init" in out.stdout


def test_auth_stores_the_password_in_the_keyring_and_scan_uses_it(sample_env: Env, tmp_path: Path) -> None:
    cfg = tmp_path / "keyring.toml"
    text = sample_env.config_path.read_text("utf-8").replace('password_command = "echo demo-password"\n', "")
    cfg.write_text(text, "utf-8")
    env = dict(
        os.environ,
        FOLLOWUP_CONFIG=str(cfg),
        PYTHONPATH=str(REPO),
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.TestFileKeyring",
        FOLLOWUP_TEST_KEYRING=str(tmp_path / "keyring.json"),
    )

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "followup.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            input=stdin,
        )

    before = cli("scan", "--as-of", sample_env.as_of)
    assert before.returncode != 0 and "demo-password" not in before.stderr
    stored = cli("auth", "demo", "--password-stdin", stdin="demo-password\n")
    assert stored.returncode == 0, stored.stderr
    assert "demo-password" not in stored.stdout + stored.stderr
    after = cli("scan", "--as-of", sample_env.as_of)
    assert after.returncode == 0, after.stderr
    assert len(sample_env.drafts()) == 2
