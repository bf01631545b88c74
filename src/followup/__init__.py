"""followup: watches a job seeker's mailbox and leaves well-timed follow-up drafts. Never sends."""

__version__ = "0.1.0"
