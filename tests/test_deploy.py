"""The container files cannot be built here, so they are held to what the tests run: every
command in Dockerfile and compose.yaml is an `asisten` command the CLI accepts, and every
variable they set is a setting asisten reads."""

from __future__ import annotations

import json
import re

import yaml
from typer.testing import CliRunner

from asisten.cli.main import app
from asisten.config import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "compose.yaml").read_text())
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()


def _commands() -> list[list[str]]:
    commands = [s["command"] for s in COMPOSE["services"].values() if "command" in s]
    commands.append(json.loads(re.search(r"^CMD (.+)$", DOCKERFILE, re.M).group(1)))
    return [c for c in commands if c[0] == "asisten"]


def test_every_command_is_one_the_cli_accepts():
    commands = _commands()
    assert ["asisten", "db", "upgrade"] in commands
    assert any(c[:3] == ["asisten", "bot", "--http"] for c in commands)
    for command in commands:
        options = [a for a in command[1:] if a.startswith("--")]
        words = [a for a in command[1:] if not a.startswith("-") and not a[0].isdigit()]
        words = [w for w in words if w not in ("0.0.0.0",)]
        result = CliRunner().invoke(app, [*words, "--help"])
        assert result.exit_code == 0, (command, result.output)
        for option in options:
            assert option in result.output, (command, option)


def test_every_variable_set_is_a_setting():
    known = {field.alias for field in Settings.model_fields.values()}
    bot = COMPOSE["services"]["bot-1"]
    assert set(bot["environment"]) <= known
    assert set(re.findall(r"(ASISTEN_\w+)=", DOCKERFILE)) <= known
