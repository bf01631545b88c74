"""``python -m followup.config`` prints the full commented example config (config/followup.example.toml)."""

from followup.config.schema import render_example

print(render_example(), end="")
