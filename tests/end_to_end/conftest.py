"""The end-to-end suite uses the shared sample mailbox on a real Dovecot (tests/support/sample_env.py)."""

from tests.support.sample_env import Env, sample_env  # noqa: F401 - the fixture, and its type for tests
