"""Use cases: sync mail into the store, infer processes, draft due actions, show status, digest.

Dependency direction: cli/scheduler -> services -> (domain, store, backends). Nothing imports cli.
"""
