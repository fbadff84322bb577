"""Settings: Slack variables checked before start-up, each problem naming its variable."""

from __future__ import annotations

import pytest

from asisten.config import check_slack, load_settings
from asisten.errors import ConfigError

GOOD = {"slack_bot_token": "xoxb-1", "slack_app_token": "xapp-1", "slack_signing_secret": "ab" * 16}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


@pytest.mark.parametrize("http", [True, False])
def test_complete_settings_pass(tmp_path, http):
    check_slack(load_settings(home=tmp_path, **GOOD), http=http)


@pytest.mark.parametrize(
    ("http", "missing", "variable"),
    [
        (True, "slack_bot_token", "SLACK_BOT_TOKEN"),
        (True, "slack_signing_secret", "SLACK_SIGNING_SECRET"),
        (False, "slack_app_token", "SLACK_APP_TOKEN"),
    ],
)
def test_missing_variable_is_named(tmp_path, http, missing, variable):
    settings = load_settings(home=tmp_path, **{**GOOD, missing: ""})
    with pytest.raises(ConfigError, match=f"{variable} belum diisi"):
        check_slack(settings, http=http)


@pytest.mark.parametrize(
    ("field", "value", "variable"),
    [
        ("slack_bot_token", "xapp-wrong-kind", "SLACK_BOT_TOKEN"),
        ("slack_app_token", "xoxb-wrong-kind", "SLACK_APP_TOKEN"),
        ("slack_signing_secret", "not hex!", "SLACK_SIGNING_SECRET"),
    ],
)
def test_malformed_variable_is_named(tmp_path, field, value, variable):
    settings = load_settings(home=tmp_path, **{**GOOD, field: value})
    with pytest.raises(ConfigError, match=variable):
        check_slack(settings, http=field != "slack_app_token")


def test_api_url_from_env_gets_a_trailing_slash(tmp_path, monkeypatch):
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    assert load_settings(home=tmp_path).slack_api_url == "http://127.0.0.1:9999/api/"


def test_malformed_api_url_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("SLACK_API_URL", "slack.com/api")
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        load_settings(home=tmp_path)


def test_env_file_is_read(tmp_path):
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-file\n")
    assert load_settings(home=tmp_path).slack_bot_token == "xoxb-from-file"
