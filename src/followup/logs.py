"""Logging to stderr (journald-friendly): one line per event, never message bodies or secrets."""

from __future__ import annotations

import logging
import re
import sys

_SECRETISH = re.compile(r"(?i)(password|passwd|secret|token|authorization)(\s*[=:]\s*)(\S+)")


class _Redact(logging.Filter):
    """Last line of defence: mask anything that looks like ``password=...`` in a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        if _SECRETISH.search(msg):
            record.msg = _SECRETISH.sub(r"\1\2***", msg)
            record.args = ()
        return True


def setup_logging(level: str = "INFO", *, stream: object = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)  # type: ignore[arg-type]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Redact())
    root = logging.getLogger("followup")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
    # libraries must not echo protocol traffic (it carries mail and credentials)
    for noisy in ("imapclient", "googleapiclient", "google", "apscheduler", "mailparser", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
