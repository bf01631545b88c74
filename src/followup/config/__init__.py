"""Configuration: one TOML file, one schema (``schema.py``) driving validation and the example.

find_config_path(cli_path) -> Path     --config, $FOLLOWUP_CONFIG, or the user config dir
load_config(path) -> Config            raises ConfigError listing every problem by key path
parse_config(text, path=None) -> Config
starter_config(name, address, timezone) -> str   what `followup init` writes
"""

from followup.config.load import find_config_path, load_config, parse_config
from followup.config.model import AccountConfig, Config, ScheduleConfig
from followup.config.schema import render_example
from followup.config.starter import local_timezone, starter_config

__all__ = [
    "AccountConfig",
    "Config",
    "ScheduleConfig",
    "find_config_path",
    "load_config",
    "local_timezone",
    "parse_config",
    "render_example",
    "starter_config",
]
