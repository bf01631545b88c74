"""followup never sends mail: no SMTP client, no Gmail send call, anywhere in the package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "followup"

FORBIDDEN_IMPORTS = {"smtplib", "aiosmtplib", "smtpd", "yagmail", "sendgrid", "email.mime.smtp"}
SEND_CALL = re.compile(r"\.(send|send_message|sendmail)\s*\(")


def _sources() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20, "the package sources were not found"
    return files


def test_no_module_imports_a_mail_sending_library() -> None:
    offenders = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in FORBIDDEN_IMPORTS or n in FORBIDDEN_IMPORTS
            ]
    assert offenders == []


def test_no_code_calls_a_send_method() -> None:
    offenders = []
    for path in _sources():
        for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if SEND_CALL.search(code):
                offenders.append(f"{path.relative_to(PACKAGE)}:{lineno}: {line.strip()}")
    assert offenders == []


def test_the_detector_would_catch_a_send() -> None:
    assert SEND_CALL.search("service.users().messages().send(userId='me', body=b)")
    assert SEND_CALL.search("smtp.sendmail(a, b, msg)")
    assert not SEND_CALL.search("self.sender(x)")
