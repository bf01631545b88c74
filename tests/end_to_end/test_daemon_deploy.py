"""The deployment samples in deploy/: valid for their tools, and consistent with what followup does."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup import paths
from followup.errors import AlreadyRunning, ConfigError, SecretError

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNIT = DEPLOY / "followup.service"


def unit_settings() -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        settings.setdefault(key, []).append(value)
    return settings


def followup_command() -> str:
    found = shutil.which("followup") or str(Path(sys.executable).with_name("followup"))
    if not Path(found).exists():
        pytest.skip("the followup command is not installed")
    return found


@pytest.mark.parametrize("mode", ["system", "user"])
def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path, mode: str):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # verify insists that ExecStart's program exists: point it at this installation's command
    unit = tmp_path / "followup.service"
    unit.write_text(UNIT.read_text().replace("%h/.local/bin/followup", followup_command()))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime))
    args = [analyze, *(["--user"] if mode == "user" else []), "verify", str(unit)]
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60, check=False)  # noqa: S603
    if mode == "user" and "Failed to initialize manager" in done.stderr:
        pytest.skip(f"no user manager can be simulated here: {done.stderr.strip()}")
    ours = [line for line in done.stderr.splitlines() if unit.name in line]
    assert done.returncode == 0, done.stderr
    assert ours == []  # unknown keys and bad values are only warnings: none allowed


def test_systemd_unit_restarts_on_failure_and_is_hardened():
    s = unit_settings()
    assert s["Type"] == ["simple"]
    assert s["ExecStart"] == ["%h/.local/bin/followup run"]
    assert s["Restart"] == ["on-failure"]
    assert s["NoNewPrivileges"] == ["yes"]
    assert s["ProtectSystem"] == ["strict"]
    assert s["ProtectHome"] == ["read-only"]
    assert s["StateDirectory"] == ["followup"]
    assert "%S/followup" in s["ReadWritePaths"]
    assert s["PrivateTmp"] == ["yes"]
    assert s["WantedBy"] == ["default.target"]


def test_systemd_unit_does_not_restart_on_exit_codes_a_restart_cannot_fix():
    codes = {int(c) for c in unit_settings()["RestartPreventExitStatus"][0].split()}
    assert codes == {AlreadyRunning.exit_code, SecretError.exit_code, ConfigError.exit_code}


def test_state_directory_of_the_unit_is_where_followup_puts_its_store(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("STATE_DIRECTORY", "/home/u/.local/state/followup")
    assert paths.default_store_path() == Path("/home/u/.local/state/followup/followup.sqlite")


def test_launchd_plist_runs_the_daemon_and_restarts_only_after_a_failure():
    with (DEPLOY / "com.followup.agent.plist").open("rb") as fh:
        plist = plistlib.load(fh)
    assert plist["Label"] == "com.followup.agent"
    assert plist["ProgramArguments"][-1] == "run"
    assert plist["ProgramArguments"][0].endswith("/followup")
    assert plist["RunAtLoad"] is True
    assert plist["KeepAlive"] == {"SuccessfulExit": False}
    assert plist["ThrottleInterval"] >= 10
    assert plist["ExitTimeOut"] >= 60
    assert plist["StandardErrorPath"].startswith("/")  # launchd does not expand ~


def test_containerfile_runs_as_a_non_root_user_with_config_and_data_volumes():
    text = (DEPLOY / "Containerfile").read_text()
    instructions = [ln for ln in text.splitlines() if ln and not ln.startswith((" ", "#"))]
    assert instructions[0] == "FROM python:3.11-slim"
    users = [ln.split()[1] for ln in instructions if ln.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"pip install \.", text)
    assert 'VOLUME ["/config", "/data"]' in text
    assert "FOLLOWUP_CONFIG=/config/config.toml" in text
    assert "STATE_DIRECTORY=/data" in text
    assert instructions[-2:] == ['ENTRYPOINT ["followup"]', 'CMD ["run"]']


def test_compose_example_mounts_config_data_and_a_secret_and_gives_time_to_stop():
    text = (DEPLOY / "compose.yaml").read_text()
    assert "dockerfile: deploy/Containerfile" in text
    assert "../config:/config:ro" in text
    assert "followup-data:/data" in text
    assert re.search(r"secrets:\n\s+- imap_password", text)
    assert "restart: on-failure" in text
    assert "stop_grace_period: 90s" in text
    assert "no-new-privileges:true" in text
    assert "\t" not in text  # YAML forbids tabs for indentation
