"""Running Gmail API requests: retries with backoff, batches, and errors translated to followup's.

Every request the Gmail backend makes goes through ``Executor``, which is also where the no-send rule
is enforced: a request whose discovery method id is a send is refused before it reaches the network.

Retried (exponential backoff with jitter, bounded): HTTP 429, 5xx, 403 with a rate-limit reason,
and transport errors. Not retried: 401 / a refused refresh (``AuthError``: the user must act),
403 for a missing scope (``AuthError``), 404 (``NotFound``, callers decide), anything else
(``MailboxError``). The original exception is always chained.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import httplib2
from google.auth.exceptions import RefreshError, TransportError
from googleapiclient.errors import BatchError, HttpError

from followup.errors import AuthError, ConnectError, MailboxError, RateLimitError

log = logging.getLogger("followup.gmail")

# Discovery method ids followup must never call (design: nothing is ever sent).
SEND_METHOD_IDS = frozenset({"gmail.users.messages.send", "gmail.users.drafts.send"})

RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"})
SCOPE_REASONS = frozenset({"insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"})


class NotFound(MailboxError):
    """HTTP 404: the message, draft or history id no longer exists."""


class SendRefused(MailboxError):
    """A send request reached the executor: a programming error, never allowed."""


def revoked_message(account: str) -> str:
    return (
        f"account {account!r}: the Gmail grant was revoked or expired; run `followup auth {account}` "
        "(an OAuth client left in 'Testing' status gets refresh tokens that expire after 7 days)"
    )


def error_reason(error: HttpError) -> str:
    """The first machine-readable reason in a Google error body ("" when there is none)."""
    try:
        body = json.loads(error.content.decode("utf-8", "replace"))
    except (ValueError, AttributeError):
        return ""
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict):
        return str(err or "")
    for item in err.get("errors") or ():
        if isinstance(item, dict) and item.get("reason"):
            return str(item["reason"])
    for item in err.get("details") or ():
        if isinstance(item, dict) and item.get("reason"):
            return str(item["reason"])
    return str(err.get("status") or "")


def method_id(request: Any) -> str:
    return str(getattr(request, "methodId", "") or "")


def refuse_send(request: Any) -> None:
    mid = method_id(request)
    uri = str(getattr(request, "uri", ""))
    if mid in SEND_METHOD_IDS or uri.split("?")[0].rstrip("/").endswith("/send"):
        raise SendRefused(f"refused to issue {mid or uri}: followup never sends mail")


class Executor:
    """Runs requests for one account with bounded, jittered exponential backoff."""

    def __init__(
        self,
        account: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        max_retries: int = 6,
        base_delay: float = 1.0,
        max_delay: float = 64.0,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.account = account
        self.sleep = sleep
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.jitter = jitter
        self.retries = 0  # how many times anything was retried (for reports and tests)

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        if retry_after and retry_after.isdigit():
            return min(self.max_delay, float(retry_after))
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return ceiling / 2 + self.jitter() * ceiling / 2

    # -- classification ---------------------------------------------------------------------------

    def translate(self, error: HttpError, what: str) -> MailboxError:
        """The followup error for an HTTP error that will not (or no longer) be retried."""
        if isinstance(error, BatchError):
            return ConnectError(f"account {self.account!r}: Gmail sent a malformed batch response ({what})")
        status = error.resp.status
        reason = error_reason(error)
        if status == 401 or reason in ("invalid_grant", "authError"):
            return AuthError(revoked_message(self.account))
        if status == 403 and reason in SCOPE_REASONS:
            return AuthError(
                f"account {self.account!r}: the Gmail grant lacks a needed scope ({what}); "
                f"run `followup auth {self.account}` again"
            )
        if status == 404:
            return NotFound(f"account {self.account!r}: {what}: not found")
        if status == 429 or (status == 403 and reason in RATE_REASONS):
            return RateLimitError(
                f"account {self.account!r}: Gmail rate limit still exceeded after "
                f"{self.max_retries} retries ({what}); try again later"
            )
        if status >= 500:
            return ConnectError(f"account {self.account!r}: Gmail server error {status} ({what})")
        return MailboxError(
            f"account {self.account!r}: Gmail refused {what}: HTTP {status} {reason}".rstrip()
        )

    @staticmethod
    def retryable(error: HttpError) -> bool:
        status = error.resp.status
        return status == 429 or status >= 500 or (status == 403 and error_reason(error) in RATE_REASONS)

    # -- single requests --------------------------------------------------------------------------

    def execute(self, request: Any) -> dict[str, Any]:
        refuse_send(request)
        what = method_id(request) or "request"
        attempt = 0
        while True:
            try:
                result = request.execute()
                return result if isinstance(result, dict) else {}
            except HttpError as e:
                if not self.retryable(e) or attempt >= self.max_retries:
                    raise self.translate(e, what) from e
                wait = self.delay(attempt, e.resp.get("retry-after"))
            except RefreshError as e:
                raise AuthError(revoked_message(self.account)) from e
            except (TransportError, httplib2.HttpLib2Error, OSError) as e:
                if attempt >= self.max_retries:
                    raise ConnectError(f"account {self.account!r}: cannot reach Gmail ({what}): {e}") from e
                wait = self.delay(attempt)
            log.info("gmail %s: retry %d in %.1fs", what, attempt + 1, wait)
            self.retries += 1
            self.sleep(wait)
            attempt += 1

    # -- batches ----------------------------------------------------------------------------------

    def batch(self, service: Any, requests: Mapping[str, Any]) -> dict[str, dict[str, Any] | None]:
        """Run requests in one batch; retry the parts that were rate-limited.

        Returns each request id's response, or None for parts that answered 404 (deleted since).
        """
        results: dict[str, dict[str, Any] | None] = {}
        pending = dict(requests)
        for req in pending.values():
            refuse_send(req)
        attempt = 0
        while pending:
            failures = self._batch_round(service, pending, results)
            fatal = [(rid, e) for rid, e in failures if not self.retryable(e)]
            if fatal or (failures and attempt >= self.max_retries):
                rid, e = (fatal or failures)[0]
                raise self.translate(e, method_id(pending[rid]) or "batch part") from e
            pending = {rid: pending[rid] for rid, _ in failures}
            if pending:
                wait = self.delay(attempt)
                log.info("gmail batch: %d parts rate-limited, retry in %.1fs", len(pending), wait)
                self.retries += 1
                self.sleep(wait)
                attempt += 1
        return results

    def _batch_round(
        self, service: Any, pending: Mapping[str, Any], results: dict[str, dict[str, Any] | None]
    ) -> list[tuple[str, HttpError]]:
        """One batch request; fills ``results`` and returns the parts that failed."""
        failures: list[tuple[str, HttpError]] = []
        others: list[Exception] = []

        def collect(rid: str, response: Any, exc: Exception | None) -> None:
            if exc is None:
                results[rid] = response if isinstance(response, dict) else {}
            elif isinstance(exc, HttpError) and exc.resp.status == 404:
                results[rid] = None
            elif isinstance(exc, HttpError):
                failures.append((rid, exc))
            else:
                others.append(exc)

        batch = service.new_batch_http_request(callback=collect)
        for rid, req in pending.items():
            batch.add(req, request_id=rid)
        self.execute(_BatchRequest(batch))
        if others:
            raise MailboxError(f"account {self.account!r}: a batch part failed: {others[0]}") from others[0]
        return failures


class _BatchRequest:
    """Adapts a BatchHttpRequest to ``Executor.execute``'s retry loop (whole-batch failures)."""

    methodId = "batch"  # noqa: N815 - mirrors HttpRequest's attribute name
    uri = "batch"

    def __init__(self, batch: Any) -> None:
        self._batch = batch

    def execute(self) -> dict[str, Any]:
        self._batch.execute()
        return {}
