"""Tests of the Slack fake itself, driven by the real slack_sdk and slack_bolt clients.

The end-to-end tests of the bot trust FakeSlack to answer like Slack; these tests pin
that behaviour down against the real client library so a drift shows up here first.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from slack_bolt import App
from slack_bolt.app.app import SlackAppDevelopmentServer
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from .server import FakeSlack, UploadedFile
from .signing import action_body, command_body, event_body, post, sign, view_submission_body

SECRET = "test-signing-secret"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def client(slack: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack.url)


def fetch(url: str, token: str | None = None) -> tuple[int, str, bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as resp:
        return resp.status, resp.headers["Content-Type"], resp.read()


def test_url_is_a_web_api_base_url(slack: FakeSlack) -> None:
    assert slack.url.startswith("http://127.0.0.1:")
    assert slack.url.endswith("/api/")


def test_post_message_is_recorded_and_answered_like_slack(
    slack: FakeSlack, client: WebClient
) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*halo*"}}]
    response = client.chat_postMessage(
        channel="C1", text="halo", blocks=blocks, thread_ts="1.000001"
    )

    assert response["ok"] is True
    assert response["channel"] == "C1"
    message = response["message"]
    assert message["ts"] == response["ts"]
    assert (message["text"], message["blocks"], message["thread_ts"]) == (
        "halo",
        blocks,
        "1.000001",
    )
    assert (message["user"], message["bot_id"]) == ("UBOT", "BBOT")
    call = slack.last("chat.postMessage")
    assert call.params == {
        "channel": "C1",
        "text": "halo",
        "blocks": blocks,
        "thread_ts": "1.000001",
    }
    assert call.headers["authorization"] == "Bearer xoxb-test"
    assert not call.failed
    assert call.response == response.data


def test_form_encoded_params_and_reaction_errors(slack: FakeSlack, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C1", text="x")["ts"]
    client.reactions_add(channel="C1", timestamp=ts, name="eyes")

    assert slack.last("reactions.add").params == {"channel": "C1", "timestamp": ts, "name": "eyes"}
    with pytest.raises(SlackApiError) as error:
        client.reactions_add(channel="C1", timestamp=ts, name="eyes")
    assert error.value.response["error"] == "already_reacted"
    client.reactions_remove(channel="C1", timestamp=ts, name="eyes")
    with pytest.raises(SlackApiError, match="no_reaction"):
        client.reactions_remove(channel="C1", timestamp=ts, name="eyes")


def test_message_ts_are_unique_and_increasing(client: WebClient) -> None:
    stamps = [client.chat_postMessage(channel="C1", text=str(i))["ts"] for i in range(5)]

    assert len(set(stamps)) == 5
    assert stamps == sorted(stamps, key=float)
    assert all(len(ts.split(".")[1]) == 6 for ts in stamps)


def test_auth_test_answers_the_bot_identity(client: WebClient) -> None:
    response = client.auth_test()

    assert response.data == {
        "ok": True,
        "url": "https://asisten-test.slack.com/",
        "team": "Asisten Test",
        "user": "asisten",
        "team_id": "T1",
        "user_id": "UBOT",
        "bot_id": "BBOT",
        "is_enterprise_install": False,
    }


@pytest.mark.parametrize(("token", "error"), [(None, "not_authed"), ("xoxb-wrong", "invalid_auth")])
def test_bad_tokens_are_rejected(slack: FakeSlack, token: str | None, error: str) -> None:
    with pytest.raises(SlackApiError) as raised:
        WebClient(token=token, base_url=slack.url).chat_postMessage(channel="C1", text="x")

    assert raised.value.response["error"] == error
    assert slack.last("chat.postMessage").failed


def test_rate_limit_is_retried_after_retry_after(slack: FakeSlack) -> None:
    handler = RateLimitErrorRetryHandler(max_retry_count=1)
    client = WebClient(token="xoxb-test", base_url=slack.url, retry_handlers=[handler])
    slack.fail("chat.postMessage", status=429, retry_after=1)

    started = time.monotonic()
    response = client.chat_postMessage(channel="C1", text="x")

    assert time.monotonic() - started >= 1
    assert response["ok"] is True
    first, second = slack.calls("chat.postMessage")
    assert (first.failed, first.status, second.failed) == (True, 429, False)
    assert first.response == {"ok": False, "error": "ratelimited"}
    assert second.time - first.time >= 1


def test_rate_limit_without_retry_handler_surfaces_429(slack: FakeSlack, client: WebClient) -> None:
    slack.fail("views.open", status=429, retry_after=7)

    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id="t", view={"type": "modal"})

    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    assert raised.value.response["error"] == "ratelimited"


def test_server_error_surfaces_as_slack_api_error_once(slack: FakeSlack, client: WebClient) -> None:
    slack.fail("chat.update", status=500)

    with pytest.raises(SlackApiError) as raised:
        client.chat_update(channel="C1", ts="1.1", text="x")
    assert raised.value.response.status_code == 500
    assert client.chat_update(channel="C1", ts="1.1", text="x")["ok"] is True


def test_injected_slack_error_and_unknown_method(slack: FakeSlack, client: WebClient) -> None:
    slack.fail("chat.postMessage", status=200, error="channel_not_found", times=2)

    for _ in range(2):
        with pytest.raises(SlackApiError, match="channel_not_found"):
            client.chat_postMessage(channel="C404", text="x")
    assert client.chat_postMessage(channel="C404", text="x")["ok"] is True
    with pytest.raises(SlackApiError, match="unknown_method"):
        client.api_call("nope.nothing")
    assert [c.failed for c in slack.calls()] == [True, True, False, True]


def test_wait_for_sees_calls_from_other_threads(slack: FakeSlack, client: WebClient) -> None:
    timer = threading.Timer(0.05, lambda: client.chat_postMessage(channel="C1", text="later"))
    timer.start()

    calls = slack.wait_for("chat.postMessage", predicate=lambda c: c.params["text"] == "later")

    timer.join()
    assert calls[0].params["channel"] == "C1"


def test_wait_for_timeout_lists_calls_seen(slack: FakeSlack, client: WebClient) -> None:
    client.auth_test()

    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"(?s)chat\.postMessage.*auth\.test"):
        slack.wait_for("chat.postMessage", timeout=0.1)
    assert time.monotonic() - started < 1


def test_reset_forgets_calls_and_failures(slack: FakeSlack, client: WebClient) -> None:
    client.auth_test()
    slack.fail("auth.test", times=None)

    slack.reset()

    assert slack.calls() == []
    assert client.auth_test()["ok"] is True


def test_files_upload_v2_runs_the_external_upload_flow(slack: FakeSlack, client: WebClient) -> None:
    content = b"baris 1\r\nbaris 2\n\x00\xff"

    response = client.files_upload_v2(
        channel="C1", content=content, filename="laporan.txt", initial_comment="ini"
    )

    methods = [c.method for c in slack.calls()]
    assert methods == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    upload = slack.last("upload")
    assert upload.body == content
    assert upload.params["file_id"] == response["file"]["id"]
    file = response["file"]
    assert (file["name"], file["size"], file["channels"]) == ("laporan.txt", len(content), ["C1"])
    assert client.files_info(file=file["id"])["file"]["id"] == file["id"]
    assert fetch(file["url_private_download"], "xoxb-test")[2] == content
    assert slack.uploaded(file["id"]) == content


def test_files_upload_v2_from_a_path(client: WebClient, tmp_path) -> None:
    path = tmp_path / "catatan.md"
    path.write_text("# Judul\n")

    file = client.files_upload_v2(channel="C1", file=str(path))["file"]

    assert (file["name"], file["filetype"], file["size"]) == ("catatan.md", "markdown", 8)


def test_multipart_fields_are_recorded(slack: FakeSlack, client: WebClient) -> None:
    with pytest.raises(SlackApiError):
        client.api_call(
            "files.upload", files={"file": b"a\r\nb"}, data={"filename": "a.txt", "channels": "C1"}
        )

    params = slack.last("files.upload").params
    assert params["channels"] == "C1"
    assert params["file"] == UploadedFile("a.txt", "text/plain", b"a\r\nb")


def test_private_file_download_needs_the_token(slack: FakeSlack, client: WebClient) -> None:
    info = slack.add_file("F1", "data.csv", b"a,b\n1,2\n", "text/csv", "csv")

    assert info["url_private"] == f"{slack.root}files-pri/T1-F1/data.csv"
    assert fetch(info["url_private"], "xoxb-test") == (200, "text/csv", b"a,b\n1,2\n")
    for token in (None, "xoxb-wrong"):
        status, content_type, body = fetch(info["url_private"], token)
        assert (status, content_type.split(";")[0]) == (200, "text/html")
        assert body.startswith(b"<!DOCTYPE html>")
    assert [c.failed for c in slack.calls("file_download")] == [False, True, True]
    assert client.files_info(file="F1")["file"] == info
    with pytest.raises(SlackApiError, match="file_not_found"):
        client.files_info(file="F404")


def test_views_keep_their_id_and_check_hashes(client: WebClient) -> None:
    view = {"type": "modal", "callback_id": "tanya", "title": {"type": "plain_text", "text": "T"}}
    opened = client.views_open(trigger_id="1.2.abc", view=view)["view"]

    assert opened["id"].startswith("V")
    assert (opened["callback_id"], opened["title"]) == ("tanya", view["title"])
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=view)["view"]
    assert updated["id"] == opened["id"]
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=view)
    assert client.views_push(trigger_id="1.2.abc", view=view)["view"]["id"] != opened["id"]
    home = {"type": "home", "blocks": []}
    first = client.views_publish(user_id="U1", view=home)["view"]
    assert client.views_publish(user_id="U1", view=home)["view"]["id"] == first["id"]


def test_conversations_replies_follow_the_thread(slack: FakeSlack, client: WebClient) -> None:
    parent = slack.add_message("C1", "pertanyaan", user="U7")
    client.chat_postMessage(channel="C1", text="jawaban", thread_ts=parent["ts"])
    client.chat_postMessage(channel="C1", text="di luar thread")

    messages = client.conversations_replies(channel="C1", ts=parent["ts"])["messages"]

    assert [m["text"] for m in messages] == ["pertanyaan", "jawaban"]
    assert (messages[0]["reply_count"], messages[1]["parent_user_id"]) == (1, "U7")
    slack.set_replies("C1", "9.9", [{"type": "message", "ts": "9.9", "text": "tetap"}])
    assert client.conversations_replies(channel="C1", ts="9.9")["messages"][0]["text"] == "tetap"


def test_strict_mode_reports_unknown_ids() -> None:
    with FakeSlack(strict=True) as slack:
        client = WebClient(token="xoxb-test", base_url=slack.url)
        for call, error in [
            (lambda: client.conversations_replies(channel="C1", ts="1.1"), "thread_not_found"),
            (lambda: client.chat_update(channel="C1", ts="1.1", text="x"), "message_not_found"),
            (lambda: client.users_info(user="U404"), "user_not_found"),
            (lambda: client.conversations_info(channel="C404"), "channel_not_found"),
        ]:
            with pytest.raises(SlackApiError, match=error):
                call()


def test_users_and_conversations_info(slack: FakeSlack, client: WebClient) -> None:
    slack.add_user("U2", "sari", real_name="Sari Dewi", display_name="Sari", is_admin=True)
    slack.add_channel("C2", "inovasi")

    user = client.users_info(user="U2")["user"]
    assert (user["id"], user["name"], user["real_name"]) == ("U2", "sari", "Sari Dewi")
    assert (user["profile"]["display_name"], user["is_bot"], user["is_admin"]) == (
        "Sari",
        False,
        True,
    )
    assert client.users_info(user="U9")["user"]["is_bot"] is False
    channel = client.conversations_info(channel="C2")["channel"]
    assert (channel["name"], channel["is_channel"], channel["is_member"]) == ("inovasi", True, True)
    assert client.conversations_info(channel="D1")["channel"]["is_im"] is True


def test_ephemeral_update_and_delete(slack: FakeSlack, client: WebClient) -> None:
    assert client.chat_postEphemeral(channel="C1", user="U1", text="x")["message_ts"]
    ts = client.chat_postMessage(channel="C1", text="lama")["ts"]

    updated = client.chat_update(channel="C1", ts=ts, text="baru")
    assert (updated["channel"], updated["ts"], updated["text"]) == ("C1", ts, "baru")
    assert client.chat_delete(channel="C1", ts=ts)["ts"] == ts
    assert client.conversations_history(channel="C1")["messages"] == []


def test_response_url_posts_are_recorded(slack: FakeSlack) -> None:
    url = slack.response_url("cmd-1")

    response = WebhookClient(url).send(text="sedang diproses", response_type="ephemeral")

    assert response.status_code == 200
    call = slack.last("response_url")
    assert call.params == {"text": "sedang diproses", "response_type": "ephemeral"}
    assert call.path == "/response_url/cmd-1"


def test_latency_delays_every_answer() -> None:
    with FakeSlack(latency=0.2) as slack:
        started = time.monotonic()
        WebClient(token="xoxb-test", base_url=slack.url).auth_test()
        assert time.monotonic() - started >= 0.2


def test_sign_matches_slack_sdk_verifier() -> None:
    body = command_body(text="apa itu inovasi daerah?")

    headers = sign(SECRET, body)

    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sign(SECRET, "{}", timestamp=1)["X-Slack-Request-Timestamp"] == "1"


def test_payload_builders_have_slack_shapes() -> None:
    event = json.loads(
        event_body({"type": "app_mention", "text": "hi", "ts": "1.2", "channel": "C1"})
    )
    assert (event["type"], event["event"]["event_ts"], event["authorizations"][0]["user_id"]) == (
        "event_callback",
        "1.2",
        "UBOT",
    )
    command = {k: v[0] for k, v in parse_qs(command_body(text="x")).items()}
    assert {"command", "text", "response_url", "trigger_id", "team_domain"} <= command.keys()
    action = json.loads(parse_qs(action_body([{"action_id": "a"}], thread_ts="1.1"))["payload"][0])
    assert (action["type"], action["container"]["thread_ts"], action["message"]["thread_ts"]) == (
        "block_actions",
        "1.1",
        "1.1",
    )
    view = json.loads(parse_qs(view_submission_body("cb", {"b": {"a": {}}}))["payload"][0])
    assert (view["type"], view["view"]["callback_id"], view["view"]["state"]["values"]) == (
        "view_submission",
        "cb",
        {"b": {"a": {}}},
    )


@pytest.fixture
def bolt_url(slack: FakeSlack) -> Iterator[str]:
    """A Bolt app in HTTP mode whose WebClient talks to the fake."""
    app = App(client=WebClient(token="xoxb-test", base_url=slack.url), signing_secret=SECRET)

    @app.command("/asisten")
    def on_command(ack, respond, command) -> None:
        ack()
        respond(f"jawaban: {command['text']}")

    @app.event("app_mention")
    def on_mention(event, say) -> None:
        say(text="halo", thread_ts=event["ts"])

    dev = SlackAppDevelopmentServer(0, "/slack/events", app, http_server_logger_enabled=False)
    thread = threading.Thread(target=dev._server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{dev._server.server_port}/slack/events"
    dev._server.shutdown()
    dev._server.server_close()
    thread.join()


def test_bolt_app_end_to_end(slack: FakeSlack, bolt_url: str) -> None:
    body = command_body(text="regulasi", response_url=slack.response_url())
    status, _, elapsed = post(bolt_url, body, sign(SECRET, body))
    assert status == 200 and elapsed < 3
    assert slack.wait_for("response_url")[0].params["text"] == "jawaban: regulasi"

    event = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> hai",
        "ts": "5.5",
        "channel": "C1",
    }
    body = event_body(event)
    assert post(bolt_url, body, sign(SECRET, body), retry_num=1, retry_reason="timeout")[0] == 200
    assert slack.wait_for("chat.postMessage")[0].params["thread_ts"] == "5.5"

    assert post(bolt_url, body, sign("wrong", body))[0] == 401
