"""The reliability suite uses the shared sample mailbox on a real Dovecot (tests/support/sample_env.py)."""

from tests.support.sample_env import (  # noqa: F401 - fixtures and helpers the tests import from here
    EXPECTED,
    PASSWORD,
    REPO,
    Env,
    config_text,
    folder,
    kinds,
    require_dovecot,
    run_cli,
    sample_env,
    seeded_server,
    spawn_cli,
)
