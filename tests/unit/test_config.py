"""Config: the stable keys load, every problem is reported at once by key path, defaults are right."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import paths
from followup.config import (
    AccountConfig,
    find_config_path,
    load_config,
    parse_config,
    render_example,
    starter_config,
)
from followup.domain.settings import PolicySettings
from followup.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]

DESIGN_EXAMPLE = """
[identity]
name = "Lena Hartmann"
addresses = ["Lena.Hartmann@example.net"]
timezone = "Europe/Berlin"

[[accounts]]
name = "main"
backend = "imap"
host = "imap.example.net"
port = 993
security = "tls"
username = "lena.hartmann@example.net"
password_command = "pass show mail/imap"

[store]
path = "~/.local/state/followup/followup.sqlite"
"""

MINIMAL = """
[identity]
addresses = ["me@example.net"]
timezone = "UTC"
"""


def problems_of(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("/etc/followup/config.toml"))
    return str(info.value)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("STATE_DIRECTORY", raising=False)
    monkeypatch.delenv("FOLLOWUP_CONFIG", raising=False)


def test_design_md_stable_keys_load_with_their_values() -> None:
    cfg = parse_config(DESIGN_EXAMPLE)
    assert cfg.identity.name == "Lena Hartmann"
    assert cfg.identity.addresses == ("lena.hartmann@example.net",)  # lower-cased
    assert cfg.identity.timezone == "Europe/Berlin"
    acc = cfg.account("main")
    assert (acc.backend, acc.host, acc.port, acc.security) == ("imap", "imap.example.net", 993, "tls")
    assert acc.username == "lena.hartmann@example.net" and acc.password_command == "pass show mail/imap"
    assert acc.lookback_days == 180 and acc.auth == "password" and dict(acc.folders) == {}
    assert cfg.store_path == Path.home() / ".local/state/followup/followup.sqlite"  # ~ expanded
    assert cfg.policy == PolicySettings() and cfg.log_level == "INFO"


def test_example_file_in_repo_is_the_rendered_schema_and_loads() -> None:
    example = REPO / "config" / "followup.example.toml"
    assert example.read_text(encoding="utf-8") == render_example(), "run: python -m followup.config > " + str(
        example
    )
    cfg = load_config(example)
    assert [a.name for a in cfg.accounts] == ["main", "gmail"]


def test_example_file_shows_every_policy_field() -> None:
    text = render_example()
    for name in PolicySettings.__dataclass_fields__:
        assert f"\n{name} = " in text


@pytest.mark.parametrize(
    "args", [("", "", ""), ('Jo "Q" Doe', "Jo@Example.NET", "America/New_York"), ("Å", "a@b.c", "UTC")]
)
def test_starter_config_output_loads(args: tuple[str, str, str]) -> None:
    cfg = parse_config(starter_config(*args))
    assert cfg.identity.name == args[0]
    if args[1]:
        assert cfg.identity.addresses == (args[1].lower(),)
    assert cfg.accounts == ()


def test_starter_config_refuses_unknown_time_zone() -> None:
    with pytest.raises(ConfigError, match="Mars/Olympus"):
        starter_config(timezone="Mars/Olympus")


def test_every_problem_is_listed_with_key_path_and_file(caplog: pytest.LogCaptureFixture) -> None:
    msg = problems_of(
        """
[identity]
addresses = ["me@example.net", "not-an-address"]
timezone = "Europe/Berln"
[[accounts]]
name = "a"
backend = "imap"
host = "imap.example.net"
username = "me"
[[accounts]]
name = "b"
backend = "pop3"
host = "h"
username = "u"
port = "993"
secruity = "tls"
[schedule]
digest = "someday"
[policy]
business_days = [0, 9]
"""
    )
    assert msg.startswith("config file /etc/followup/config.toml has 6 problems:")
    assert "identity.addresses[1]: expected an email address" in msg
    assert (
        "identity.timezone: expected an IANA time zone such as \"Europe/Berlin\", got 'Europe/Berln'" in msg
    )
    assert 'accounts[1].backend: expected one of "imap", "gmail", got \'pop3\' (a string)' in msg
    assert "accounts[1].port: expected an integer from 1 to 65535, got '993' (a string)" in msg
    # an unknown key is not fatal (a newer config on an older followup), but it is said plainly
    assert "secruity" not in msg
    assert 'schedule.digest: expected "<mon..sun> HH:MM" or "off"' in msg
    assert "policy.business_days[1]: expected a list of integers from 0 to 6, got 9 (an integer)" in msg


def test_unknown_keys_and_sections_load_with_a_warning_that_suggests_the_close_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    parse_config(MINIMAL + "[polcy]\nx = 1\n[[accounts]]\nname='a'\nbackend='gmail'\nlookbak_days = 3\n")
    assert 'polcy: unknown section, ignored (did you mean "policy"?)' in caplog.text
    assert 'accounts[0].lookbak_days: unknown key, ignored (did you mean "lookback_days"?)' in caplog.text


def test_password_in_config_is_refused_without_echoing_it() -> None:
    msg = problems_of(
        MINIMAL + '[[accounts]]\nname="m"\nbackend="imap"\nhost="h"\nusername="u"\npassword="hunter2"\n'
    )
    assert "accounts[0].password: unknown key (secrets never go in the config" in msg
    assert "hunter2" not in msg


def test_plain_security_to_a_remote_host_is_refused() -> None:
    text = (
        MINIMAL
        + '[[accounts]]\nname="m"\nbackend="imap"\nhost="imap.example.net"\nusername="u"\nsecurity="plain"\n'
    )
    assert 'accounts[0].security: "plain" sends your password unencrypted' in problems_of(text)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.53"])
def test_plain_security_to_loopback_is_allowed_and_defaults_port_143(host: str) -> None:
    text = (
        MINIMAL + f'[[accounts]]\nname="m"\nbackend="imap"\nhost="{host}"\nusername="u"\nsecurity="plain"\n'
    )
    acc = parse_config(text).account("m")
    assert acc.security == "plain" and acc.port == 143


def test_duplicate_account_names_are_rejected() -> None:
    acc = '[[accounts]]\nname="m"\nbackend="gmail"\n'
    assert "accounts[1].name: duplicate account name 'm' (also accounts[0])" in problems_of(
        MINIMAL + acc + acc
    )


def test_accounts_written_as_a_single_table_get_a_clear_message() -> None:
    msg = problems_of(MINIMAL + '[accounts]\nname="m"\nbackend="gmail"\n')
    assert "accounts: expected an array of tables: write each account as [[accounts]]" in msg


def test_missing_required_keys_are_named() -> None:
    msg = problems_of('[identity]\naddresses=["a@b.c"]\n[[accounts]]\nbackend="imap"\n')
    assert "identity.timezone" not in msg  # optional: this machine's zone by default
    assert "accounts[0].name: missing" in msg
    assert "accounts[0].host: missing; an imap account needs it" in msg
    assert "accounts[0].username: missing" in msg


def test_an_account_needs_identity_addresses() -> None:
    msg = problems_of('[identity]\ntimezone="UTC"\n[[accounts]]\nname="g"\nbackend="gmail"\n')
    assert "identity.addresses: expected at least one address" in msg


def test_policy_fields_are_accepted_by_name_and_feed_account_lookback() -> None:
    cfg = parse_config(
        MINIMAL
        + "[policy]\nthank_you_delay_hours = 3\nmax_follow_ups = 1\nbusiness_days = [0,1,2,3]\n"
        + 'lookback_days = 30\nmute_keyword = "quiet"\n'
        + '[[accounts]]\nname="a"\nbackend="gmail"\n'
        + '[[accounts]]\nname="b"\nbackend="gmail"\nlookback_days = 7\n'
    )
    assert cfg.policy.thank_you_delay_hours == 3.0 and isinstance(cfg.policy.thank_you_delay_hours, float)
    assert cfg.policy.max_follow_ups == 1 and cfg.policy.business_days == (0, 1, 2, 3)
    assert cfg.policy.mute_keyword == "quiet"
    assert cfg.account("a").lookback_days == 30 and cfg.account("b").lookback_days == 7


def test_booleans_are_not_integers() -> None:
    assert "policy.max_follow_ups: expected an integer from 0 to 10, got True (a boolean)" in problems_of(
        MINIMAL + "[policy]\nmax_follow_ups = true\n"
    )


def test_missing_account_error_names_the_known_ones() -> None:
    cfg = parse_config(MINIMAL + '[[accounts]]\nname="work"\nbackend="gmail"\n')
    with pytest.raises(ConfigError, match="no account named 'home'.*'work'"):
        cfg.account("home")


def test_schedule_logging_templates_and_folders(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "ca.pem").write_text("x")
    text = (
        MINIMAL
        + '[schedule]\nscan_every_minutes = 5\ndigest = "Fri 7:30"\nidle = true\n'
        + '[logging]\nlevel = "debug"\n[templates]\ndir = "tpl"\n'
        + '[[accounts]]\nname="m"\nbackend="imap"\nhost="h"\nusername="u"\nsecurity="starttls"\n'
        + 'ca_file = "ca.pem"\nfolders = { sent = "Sent Items", drafts = "Entwürfe" }\n'
    )
    cfg = parse_config(text, tmp_path / "config.toml")
    assert cfg.schedule.scan_every_minutes == 5.0 and cfg.schedule.digest == "fri 07:30" and cfg.schedule.idle
    assert cfg.log_level == "DEBUG" and cfg.templates_dir == tmp_path / "tpl"
    acc = cfg.account("m")
    assert acc.port == 143 and acc.ca_file == str(tmp_path / "ca.pem")
    assert dict(acc.folders) == {"sent": "Sent Items", "drafts": "Entwürfe"}


def test_missing_ca_file_and_unknown_folder_role_are_problems(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[accounts]]\nname="m"\nbackend="imap"\nhost="h"\nusername="u"\nca_file="nope.pem"\n'
        'folders = { snet = "Sent" }\n'
    )
    with pytest.raises(ConfigError) as info:
        parse_config(text, tmp_path / "c.toml")
    assert f"accounts[0].ca_file: no such file: {tmp_path / 'nope.pem'}" in str(info.value)
    assert 'accounts[0].folders.snet: unknown key (did you mean "sent"?)' in str(info.value)


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text('[identity]\nname = "unterminated\n')
    with pytest.raises(ConfigError, match=r"c\.toml is not valid TOML: .*line 2"):
        load_config(bad)


def test_missing_file_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="followup init"):
        load_config(tmp_path / "absent.toml")


def test_store_path_defaults_to_data_dir_and_honours_systemd_state_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert parse_config(MINIMAL).store_path == tmp_path / "xdg-data" / "followup" / "followup.sqlite"
    monkeypatch.setenv("STATE_DIRECTORY", "/var/lib/followup:/var/lib/other")
    assert parse_config(MINIMAL).store_path == Path("/var/lib/followup/followup.sqlite")
    assert paths.state_dir() == Path("/var/lib/followup")


def test_relative_store_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    cfg = parse_config(MINIMAL + '[store]\npath = "db/f.sqlite"\n', tmp_path / "config.toml")
    assert cfg.store_path == tmp_path / "db" / "f.sqlite"


def test_templates_dir_defaults_to_config_dir_templates_when_it_exists(tmp_path: Path) -> None:
    assert parse_config(MINIMAL).templates_dir is None
    (tmp_path / "xdg-config" / "followup" / "templates").mkdir(parents=True)
    assert parse_config(MINIMAL).templates_dir == tmp_path / "xdg-config" / "followup" / "templates"


def test_config_path_order_cli_then_env_then_user_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert find_config_path(None) == tmp_path / "xdg-config" / "followup" / "config.toml"
    monkeypatch.setenv("FOLLOWUP_CONFIG", "/srv/f.toml")
    assert find_config_path(None) == Path("/srv/f.toml")
    assert find_config_path("~/mine.toml") == Path.home() / "mine.toml"


def test_account_config_defaults_match_the_contract() -> None:
    acc = AccountConfig(name="x", backend="imap")
    assert (acc.port, acc.security, acc.auth, acc.lookback_days, acc.batch_size) == (
        993,
        "tls",
        "password",
        180,
        200,
    )
    assert acc.max_message_bytes == 5_000_000 and acc.timeout_seconds == 60.0
    hash(acc)  # usable as a dict key despite the folders mapping
