"""A local fake of the Slack Web API for end-to-end tests of the Bolt app.

The bot talks to Slack through ``slack_sdk.WebClient``. Pointing the client's ``base_url``
at :class:`FakeSlack` runs the real app code against a stdlib HTTP server that answers the
way Slack does: the same JSON shapes, ``not_authed``/``invalid_auth`` checks on the bearer
token, 429 rate limits with ``Retry-After``, the three-step external file upload and
private file downloads (with Slack's HTML login page when the token is missing). Every
request is recorded as a :class:`Call` so tests can assert on what the bot sent and wait
for calls made from Bolt's worker threads.

Workspace state (messages, views, reactions, files, users, channels) is kept in memory so
that, for example, ``conversations.replies`` returns what the bot posted in a thread.
With ``strict=False`` (the default) lookups of ids the fake never saw are answered with
plausible synthetic objects; ``strict=True`` answers them with Slack's "not found" errors.
"""

from __future__ import annotations

import itertools
import json
import mimetypes
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, quote, unquote, urlsplit

__all__ = ["Call", "FakeSlack", "SlackError", "UploadedFile"]

Params = dict[str, Any]

LOGIN_PAGE = (
    '<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">'
    "<title>Slack</title></head><body><h1>Sign in to your workspace</h1>"
    '<form action="/signin" method="post"><input name="domain"></form></body></html>'
)
DEFAULT_SCOPES = (
    "app_mentions:read,channels:history,chat:write,commands,files:read,files:write,"
    "groups:history,im:history,im:read,reactions:write,users:read"
)
FILETYPES = {"txt": "text", "md": "markdown", "py": "python", "yml": "yaml", "jpeg": "jpg"}


@dataclass(frozen=True)
class Call:
    """One request the fake received. ``headers`` keys are lower-case."""

    method: str
    params: Params
    headers: dict[str, str]
    time: float
    failed: bool = False
    status: int = 200
    response: Params | None = None
    path: str = ""
    body: bytes = b""


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart/form-data request, as recorded in ``Call.params``."""

    filename: str
    content_type: str
    content: bytes


class SlackError(Exception):
    """Raised by a method handler to answer ``{"ok": false, "error": error}``."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass
class _Request:
    verb: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


@dataclass
class _Reply:
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)
    payload: Params | None = None

    @property
    def failed(self) -> bool:
        return self.status != 200 or (self.payload is not None and self.payload.get("ok") is False)


@dataclass
class _Failure:
    status: int
    retry_after: int
    error: str | None
    remaining: int | None


def _json_reply(
    payload: Params, status: int = 200, headers: dict[str, str] | None = None
) -> _Reply:
    body = json.dumps(payload).encode()
    return _Reply(status, body, "application/json; charset=utf-8", headers or {}, payload)


def _text_reply(text: str, status: int = 200, content_type: str = "text/plain") -> _Reply:
    return _Reply(status, text.encode(), f"{content_type}; charset=utf-8")


def _header_param(value: str, name: str) -> str:
    message = Message()
    message["content-type"] = value
    return str(message.get_param(name) or "")


def _parse_multipart(content_type: str, body: bytes) -> Params:
    delimiter = b"--" + _header_param(content_type, "boundary").encode()
    fields: Params = {}
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, data = chunk.lstrip(b"\r\n").partition(b"\r\n\r\n")
        part = message_from_bytes(head + b"\r\n\r\n")
        name = str(part.get_param("name", header="content-disposition") or "")
        data = data.removesuffix(b"\r\n")
        filename = part.get_filename()
        if filename is None:
            fields[name] = data.decode("utf-8", "replace")
        else:
            fields[name] = UploadedFile(filename, part.get_content_type(), data)
    return fields


def parse_body(content_type: str, body: bytes) -> Params:
    """Decode a JSON, form-encoded or multipart request body into a dict."""
    if not body:
        return {}
    mime = content_type.split(";")[0].strip().lower()
    if mime == "application/json":
        data = json.loads(body)
        return data if isinstance(data, dict) else {"_json": data}
    if mime == "multipart/form-data":
        return _parse_multipart(content_type, body)
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def _json_field(value: Any) -> Any:
    """Form-encoded calls carry blocks/views/files as JSON strings; JSON calls carry objects."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _bearer(headers: dict[str, str]) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _require(params: Params, *names: str, error: str = "invalid_arguments") -> None:
    if any(not params.get(name) for name in names):
        raise SlackError(error)


def _filetype(name: str) -> str:
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    return FILETYPES.get(extension, extension or "binary")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests read the recorded calls; stderr noise would only hide failures

    def _serve(self) -> None:
        split = urlsplit(self.path)
        headers = {key.lower(): value for key, value in self.headers.items()}
        request = _Request(self.command, split.path, split.query, headers, self._read_body())
        self._send(self.server.fake.handle(request))

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _read_chunked(self) -> bytes:
        chunks = []
        while size := int(self.rfile.readline().split(b";")[0], 16):
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass  # trailer headers
        return b"".join(chunks)

    def _send(self, reply: _Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(reply.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-response (timeouts in tests) is not a fake bug.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeSlack:
    """In-process Slack Web API double; see the module docstring.

    Use as ``with FakeSlack() as slack:`` and pass ``slack.url`` as ``WebClient(base_url=...)``.
    """

    def __init__(
        self,
        *,
        tokens: Iterable[str] | None = None,
        team_id: str = "T1",
        team_domain: str = "asisten-test",
        team_name: str = "Asisten Test",
        bot_user_id: str = "UBOT",
        bot_id: str = "BBOT",
        bot_name: str = "asisten",
        app_id: str = "A1",
        scopes: str = DEFAULT_SCOPES,
        latency: float = 0.0,
        strict: bool = False,
    ) -> None:
        self.tokens = set(tokens) if tokens is not None else {"xoxb-test"}
        self.team_id, self.team_domain, self.team_name = team_id, team_domain, team_name
        self.bot_user_id, self.bot_id, self.bot_name, self.app_id = (
            bot_user_id,
            bot_id,
            bot_name,
            app_id,
        )
        self.scopes, self.latency, self.strict = scopes, latency, strict
        self.errors: list[str] = []
        self._cond = threading.Condition(threading.RLock())
        self._calls: list[Call] = []
        self._failures: dict[str, deque[_Failure]] = {}
        self._stubs: dict[str, Params] = {}
        self._ts_counter = itertools.count(1)
        self._id_counter = itertools.count(0x1000)
        self._files: dict[str, tuple[Params, bytes]] = {}
        self._users: dict[str, Params] = {}
        self._channels: dict[str, Params] = {}
        self._clear_activity()
        self._methods: dict[str, Callable[[Params], Params]] = self._method_table()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.add_user(bot_user_id, bot_name, real_name=bot_name.title(), is_bot=True)

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve from a daemon thread."""
        if self._server is None:
            self._server = _Server(self)
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def root(self) -> str:
        """Server root, e.g. ``http://127.0.0.1:PORT/``."""
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://127.0.0.1:{self._server.server_port}/"

    @property
    def url(self) -> str:
        """Web API base URL for ``WebClient(base_url=...)``; ends with ``/``."""
        return f"{self.root}api/"

    def response_url(self, name: str = "default") -> str:
        """A slash-command/interaction ``response_url`` that posts back to this fake."""
        return f"{self.root}response_url/{quote(name)}"

    # -------------------------------------------------------------- assertions

    def calls(self, method: str | None = None) -> list[Call]:
        with self._cond:
            return [call for call in self._calls if method is None or call.method == method]

    def last(self, method: str) -> Call:
        calls = self.calls(method)
        if not calls:
            raise AssertionError(f"no call to {method!r}; calls seen: {self._describe_calls()}")
        return calls[-1]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until ``count`` calls of ``method`` (matching ``predicate``) were recorded."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                matched = [c for c in self.calls(method) if predicate is None or predicate(c)]
                remaining = deadline - time.monotonic()
                if len(matched) >= count:
                    return matched
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} call(s) to {method!r} within {timeout}s, "
                        f"got {len(matched)}; calls seen: {self._describe_calls()}"
                    )
                self._cond.wait(remaining)

    def _describe_calls(self) -> str:
        if not self._calls:
            return "(none)"
        lines = [f"\n  {c.method} status={c.status} params={c.params!r:.300}" for c in self._calls]
        return "".join(lines)

    def reset(self) -> None:
        """Forget calls, pending failures, stubs, messages, reactions, views and uploads.

        Registered users, channels and files (``add_*`` and completed uploads) are kept.
        """
        with self._cond:
            self._calls.clear()
            self._failures.clear()
            self._stubs.clear()
            self._clear_activity()

    def _clear_activity(self) -> None:
        self._messages: dict[str, list[Params]] = {}
        self._replies: dict[tuple[str, str], list[Params]] = {}
        self._reactions: set[tuple[str, str, str]] = set()
        self._views: dict[str, Params] = {}
        self._home_views: dict[str, str] = {}
        self._uploads: dict[str, Params] = {}

    # ------------------------------------------------------------ configuration

    def fail(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int | None = 1,
        error: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail (``times=None``: until reset).

        429 answers ``ratelimited`` with ``Retry-After``; 5xx answers a plain-text body;
        any other status answers ``{"ok": false, "error": error}``.
        """
        with self._cond:
            failure = _Failure(status, retry_after, error, times)
            self._failures.setdefault(method, deque()).append(failure)

    def stub(self, method: str, response: Params) -> None:
        """Answer every call of ``method`` with ``response`` (``ok`` defaults to true)."""
        with self._cond:
            self._stubs[method] = {"ok": True, **response}

    def set_replies(self, channel: str, thread_ts: str, messages: list[Params]) -> None:
        """Fix what ``conversations.replies`` returns for one thread."""
        with self._cond:
            self._replies[(channel, thread_ts)] = messages

    def add_message(
        self,
        channel: str,
        text: str,
        user: str = "U1",
        ts: str | None = None,
        thread_ts: str | None = None,
        **extra: Any,
    ) -> Params:
        """Seed a (human) message, e.g. the thread parent the bot later reads."""
        message: Params = {
            "user": user,
            "type": "message",
            "ts": ts or self._new_ts(),
            "text": text,
        }
        message["team"] = self.team_id
        if thread_ts:
            message["thread_ts"] = thread_ts
        message.update(extra)
        with self._cond:
            self._messages.setdefault(channel, []).append(message)
        return message

    def add_user(
        self,
        user_id: str,
        name: str | None = None,
        *,
        real_name: str | None = None,
        display_name: str | None = None,
        is_admin: bool = False,
        is_bot: bool = False,
        email_address: str | None = None,
        tz: str = "Asia/Jakarta",
    ) -> Params:
        """Register a user for ``users.info``; returns the Slack user object."""
        user = self._user_object(user_id, name, real_name, display_name, is_admin, is_bot, tz)
        if email_address and not is_bot:
            user["profile"]["email"] = email_address
        with self._cond:
            self._users[user_id] = user
        return user

    def add_channel(
        self,
        channel_id: str,
        name: str | None = None,
        *,
        is_private: bool = False,
        is_im: bool = False,
        user: str | None = None,
        is_member: bool = True,
    ) -> Params:
        """Register a conversation for ``conversations.info``; returns the Slack object."""
        channel = self._channel_object(channel_id, name, is_private, is_im, user, is_member)
        with self._cond:
            self._channels[channel_id] = channel
        return channel

    def add_file(
        self,
        file_id: str,
        name: str,
        content: bytes,
        mimetype: str | None = None,
        filetype: str | None = None,
        user: str = "U1",
        title: str | None = None,
        channels: list[str] | None = None,
    ) -> Params:
        """Register a private file; returns the Slack file object with download URLs."""
        mimetype = mimetype or mimetypes.guess_type(name)[0] or "application/octet-stream"
        info = self._file_object(file_id, name, title or name, mimetype, filetype, user, content)
        info["channels"] = list(channels or [])
        with self._cond:
            self._files[file_id] = (info, content)
        return info

    def uploaded(self, file_id: str) -> bytes:
        """Bytes received for an external upload (or a registered file)."""
        with self._cond:
            if file_id in self._files:
                return self._files[file_id][1]
            return bytes(self._uploads[file_id]["data"] or b"")

    # --------------------------------------------------------------- dispatching

    def handle(self, request: _Request) -> _Reply:
        """Answer one HTTP request; the server thread calls this."""
        started = time.monotonic()
        if self.latency:
            time.sleep(self.latency)
        routes = {
            "/api/": self._api,
            "/upload/": self._upload,
            "/response_url/": self._response_url,
            "/files-pri/": self._download,
        }
        for prefix, route in routes.items():
            if request.path.startswith(prefix):
                name = unquote(request.path[len(prefix) :])
                return self._guarded(route, request, name, started)
        return _text_reply("Not Found", 404)

    def _guarded(
        self,
        route: Callable[[_Request, str, float], _Reply],
        request: _Request,
        name: str,
        started: float,
    ) -> _Reply:
        try:
            return route(request, name, started)
        except Exception:
            # Surface bugs in the fake itself to the client instead of hanging it.
            self.errors.append(traceback.format_exc())
            return _text_reply(f"FakeSlack error:\n{self.errors[-1]}", 500)

    def _record(
        self,
        method: str,
        request: _Request,
        started: float,
        reply: _Reply,
        params: Params,
        body: bytes = b"",
        failed: bool | None = None,
    ) -> _Reply:
        call = Call(
            method=method,
            params=params,
            headers=request.headers,
            time=started,
            failed=reply.failed if failed is None else failed,
            status=reply.status,
            response=reply.payload,
            path=request.path,
            body=body,
        )
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()
        return reply

    def _api(self, request: _Request, method: str, started: float) -> _Reply:
        params = dict(parse_qsl(request.query, keep_blank_values=True))
        try:
            params.update(parse_body(request.headers.get("content-type", ""), request.body))
        except ValueError:
            return self._record(method, request, started, self._error("invalid_json"), params)
        reply = (
            self._auth_reply(request, params)
            or self._failure_reply(method)
            or self._method_reply(method, params)
        )
        return self._record(method, request, started, reply, params)

    def _token(self, request: _Request, params: Params) -> str | None:
        # Slack also accepts a token form field; slack_sdk moves it to the header.
        return _bearer(request.headers) or params.get("token") or None

    def _auth_reply(self, request: _Request, params: Params) -> _Reply | None:
        token = self._token(request, params)
        if token is None:
            return self._error("not_authed")
        if token not in self.tokens:
            return self._error("invalid_auth")
        return None

    def _error(self, error: str, status: int = 200) -> _Reply:
        return _json_reply({"ok": False, "error": error}, status)

    def _failure_reply(self, method: str) -> _Reply | None:
        with self._cond:
            queue = self._failures.get(method)
            if not queue:
                return None
            failure = queue[0]
            if failure.remaining is not None:
                failure.remaining -= 1
                if failure.remaining <= 0:
                    queue.popleft()
        if failure.status == 429:
            payload = {"ok": False, "error": failure.error or "ratelimited"}
            return _json_reply(payload, 429, {"Retry-After": str(failure.retry_after)})
        if failure.status >= 500:
            return _text_reply(
                f"{failure.status} {HTTPStatus(failure.status).phrase}", failure.status
            )
        return self._error(failure.error or "fatal_error", failure.status)

    def _method_reply(self, method: str, params: Params) -> _Reply:
        headers = {"X-OAuth-Scopes": self.scopes, "X-Slack-Req-Id": self._new_id("req")}
        with self._cond:
            if method in self._stubs:
                return _json_reply(self._stubs[method], headers=headers)
            handler = self._methods.get(method)
            if handler is None:
                return self._error("unknown_method")
            try:
                return _json_reply({"ok": True, **handler(params)}, headers=headers)
            except SlackError as exc:
                return _json_reply({"ok": False, "error": exc.error}, headers=headers)

    def _upload(self, request: _Request, file_id: str, started: float) -> _Reply:
        data = request.body
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            parts = parse_body(request.headers["content-type"], data).values()
            data = next((p.content for p in parts if isinstance(p, UploadedFile)), b"")
        params = {"file_id": file_id, "size": len(data)}
        reply = self._failure_reply("upload") or self._store_upload(file_id, data)
        return self._record("upload", request, started, reply, params, data)

    def _store_upload(self, file_id: str, data: bytes) -> _Reply:
        with self._cond:
            pending = self._uploads.get(file_id)
            if pending is None:
                return _text_reply("Not Found", 404)
            pending["data"] = data
        return _text_reply(f"OK - {len(data)}")

    def _response_url(self, request: _Request, name: str, started: float) -> _Reply:
        params = parse_body(request.headers.get("content-type", ""), request.body)
        reply = self._failure_reply("response_url") or _json_reply({"ok": True})
        return self._record("response_url", request, started, reply, params, request.body)

    def _download(self, request: _Request, rest: str, started: float) -> _Reply:
        key, _, name = rest.partition("/")
        team, _, file_id = key.partition("-")
        authorized = _bearer(request.headers) in self.tokens
        params = {"file_id": file_id, "team": team, "name": name, "authorized": authorized}
        reply = self._failure_reply("file_download") or self._file_bytes(file_id, authorized)
        failed = reply.failed or not authorized
        return self._record("file_download", request, started, reply, params, failed=failed)

    def _file_bytes(self, file_id: str, authorized: bool) -> _Reply:
        if not authorized:
            # Slack does not 401 here: it serves its sign-in page with status 200.
            return _text_reply(LOGIN_PAGE, content_type="text/html")
        with self._cond:
            stored = self._files.get(file_id)
        if stored is None:
            return _text_reply("File not found", 404, "text/html")
        info, content = stored
        return _Reply(200, content, info["mimetype"])

    # ------------------------------------------------------------- id factories

    def _new_ts(self) -> str:
        n = next(self._ts_counter)
        return f"{1_700_000_000 + n // 10_000}.{n % 10_000 * 100:06d}"

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._id_counter):09X}"

    # ----------------------------------------------------------- object shapes

    def _user_object(
        self,
        user_id: str,
        name: str | None,
        real_name: str | None,
        display_name: str | None,
        is_admin: bool,
        is_bot: bool,
        tz: str,
    ) -> Params:
        name = name or f"user.{user_id.lower()}"
        real_name = real_name or f"User {user_id}"
        display_name = name if display_name is None else display_name
        profile: Params = {
            "title": "",
            "phone": "",
            "skype": "",
            "real_name": real_name,
            "real_name_normalized": real_name,
            "display_name": display_name,
            "display_name_normalized": display_name,
            "fields": None,
            "status_text": "",
            "status_emoji": "",
            "status_expiration": 0,
            "avatar_hash": "g0123456789a",
            "first_name": real_name.split(" ")[0],
            "last_name": " ".join(real_name.split(" ")[1:]),
            "image_24": f"https://avatars.slack-edge.com/{user_id}_24.png",
            "image_48": f"https://avatars.slack-edge.com/{user_id}_48.png",
            "image_72": f"https://avatars.slack-edge.com/{user_id}_72.png",
            "team": self.team_id,
        }
        if is_bot:
            profile.update(
                {"bot_id": self.bot_id, "api_app_id": self.app_id, "always_active": True}
            )
        return {
            "id": user_id,
            "team_id": self.team_id,
            "name": name,
            "deleted": False,
            "color": "9f69e7",
            "real_name": real_name,
            "tz": tz,
            "tz_label": "Western Indonesia Time" if tz == "Asia/Jakarta" else tz,
            "tz_offset": 25200 if tz == "Asia/Jakarta" else 0,
            "profile": profile,
            "is_admin": is_admin,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": is_bot,
            "is_app_user": False,
            "updated": 1_700_000_000,
            "is_email_confirmed": not is_bot,
            "who_can_share_contact_card": "EVERYONE",
        }

    def _channel_object(
        self,
        channel_id: str,
        name: str | None,
        is_private: bool,
        is_im: bool,
        user: str | None,
        is_member: bool,
    ) -> Params:
        base: Params = {"id": channel_id, "created": 1_700_000_000, "context_team_id": self.team_id}
        if is_im:
            return {
                **base,
                "is_im": True,
                "is_org_shared": False,
                "user": user or "U1",
                "is_user_deleted": False,
                "priority": 0,
            }
        name = name or f"channel-{channel_id.lower()}"
        blank = {"value": "", "creator": "", "last_set": 0}
        return {
            **base,
            "name": name,
            "is_channel": not is_private,
            "is_group": is_private,
            "is_im": False,
            "is_mpim": False,
            "is_private": is_private,
            "is_archived": False,
            "is_general": name == "general",
            "unlinked": 0,
            "name_normalized": name,
            "is_shared": False,
            "is_org_shared": False,
            "is_pending_ext_shared": False,
            "pending_shared": [],
            "parent_conversation": None,
            "creator": "U1",
            "is_ext_shared": False,
            "shared_team_ids": [self.team_id],
            "pending_connected_team_ids": [],
            "is_member": is_member,
            "topic": dict(blank),
            "purpose": dict(blank),
            "previous_names": [],
        }

    def _file_object(
        self,
        file_id: str,
        name: str,
        title: str,
        mimetype: str,
        filetype: str | None,
        user: str,
        content: bytes,
    ) -> Params:
        now = int(time.time())
        path = f"files-pri/{self.team_id}-{file_id}"
        return {
            "id": file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": title,
            "mimetype": mimetype,
            "filetype": filetype or _filetype(name),
            "pretty_type": (filetype or _filetype(name)).upper(),
            "user": user,
            "user_team": self.team_id,
            "editable": False,
            "size": len(content),
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": False,
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": f"{self.root}{path}/{quote(name)}",
            "url_private_download": f"{self.root}{path}/download/{quote(name)}",
            "permalink": f"https://{self.team_domain}.slack.com/files/{user}/{file_id}/{quote(name)}",
            "permalink_public": f"https://slack-files.com/{self.team_id}-{file_id}-0123456789",
            "channels": [],
            "groups": [],
            "ims": [],
            "comments_count": 0,
            "has_rich_preview": False,
            "file_access": "visible",
        }

    def _bot_message(self, params: Params, ts: str) -> Params:
        message: Params = {
            "user": self.bot_user_id,
            "type": "message",
            "ts": ts,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "text": params.get("text") or "",
            "team": self.team_id,
            "bot_profile": {
                "id": self.bot_id,
                "app_id": self.app_id,
                "name": self.bot_name,
                "deleted": False,
                "team_id": self.team_id,
            },
            "blocks": _json_field(params.get("blocks")) or [],
        }
        for key in ("attachments", "metadata"):
            if params.get(key):
                message[key] = _json_field(params[key])
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
            message["parent_user_id"] = self._parent_user(params["channel"], params["thread_ts"])
        return message

    def _parent_user(self, channel: str, thread_ts: str) -> str:
        parent = self._find_message(channel, thread_ts)
        return parent["user"] if parent else "U1"

    def _view_object(self, view: Params, view_id: str, root_view_id: str | None = None) -> Params:
        return {
            **view,
            "id": view_id,
            "team_id": self.team_id,
            "type": view.get("type", "modal"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{self._new_id('h').lower()}",
            "clear_on_close": view.get("clear_on_close", False),
            "notify_on_close": view.get("notify_on_close", False),
            "previous_view_id": None,
            "root_view_id": root_view_id or view_id,
            "app_id": self.app_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }

    # ------------------------------------------------------------ state lookups

    def _find_message(self, channel: str, ts: str) -> Params | None:
        return next((m for m in self._messages.get(channel, []) if m["ts"] == ts), None)

    def _missing(self, error: str) -> None:
        if self.strict:
            raise SlackError(error)

    def _channel_id(self, params: Params) -> str:
        channel = params.get("channel")
        if not channel:
            raise SlackError("channel_not_found")
        # Posting to a user id opens (and answers with) the bot's DM channel with them.
        return f"D{channel[1:]}" if channel[:1] in ("U", "W") else channel

    # ----------------------------------------------------------- Web API methods

    def _method_table(self) -> dict[str, Callable[[Params], Params]]:
        return {
            "api.test": lambda params: {"args": params},
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.getPermalink": self._chat_get_permalink,
            "reactions.add": self._reactions_add,
            "reactions.remove": self._reactions_remove,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "conversations.info": self._conversations_info,
            "conversations.open": self._conversations_open,
            "conversations.replies": self._conversations_replies,
            "conversations.history": self._conversations_history,
            "users.info": self._users_info,
            "files.info": self._files_info,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
        }

    def _auth_test(self, params: Params) -> Params:
        return {
            "url": f"https://{self.team_domain}.slack.com/",
            "team": self.team_name,
            "user": self.bot_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _chat_post_message(self, params: Params) -> Params:
        channel = self._channel_id(params)
        if not any(params.get(key) for key in ("text", "blocks", "attachments")):
            raise SlackError("no_text")
        ts = self._new_ts()
        message = self._bot_message({**params, "channel": channel}, ts)
        self._messages.setdefault(channel, []).append(message)
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_post_ephemeral(self, params: Params) -> Params:
        self._channel_id(params)
        _require(params, "user", error="user_not_in_channel")
        if not any(params.get(key) for key in ("text", "blocks", "attachments")):
            raise SlackError("no_text")
        return {"message_ts": self._new_ts()}

    def _chat_update(self, params: Params) -> Params:
        channel = self._channel_id(params)
        _require(params, "ts", error="message_not_found")
        message = self._own_message(channel, params["ts"], "cant_update_message")
        if message is None:
            message = self._bot_message({**params, "channel": channel}, params["ts"])
            self._messages.setdefault(channel, []).append(message)
        for key in ("text", "blocks", "attachments"):
            if key in params:
                message[key] = _json_field(params[key])
        message["edited"] = {"user": self.bot_user_id, "ts": self._new_ts()}
        return {"channel": channel, "ts": params["ts"], "text": message["text"], "message": message}

    def _chat_delete(self, params: Params) -> Params:
        channel = self._channel_id(params)
        _require(params, "ts", error="message_not_found")
        message = self._own_message(channel, params["ts"], "cant_delete_message")
        if message is not None:
            self._messages[channel].remove(message)
        return {"channel": channel, "ts": params["ts"]}

    def _own_message(self, channel: str, ts: str, not_own_error: str) -> Params | None:
        message = self._find_message(channel, ts)
        if message is None:
            self._missing("message_not_found")
        elif message.get("user") != self.bot_user_id:
            raise SlackError(not_own_error)
        return message

    def _chat_get_permalink(self, params: Params) -> Params:
        channel = self._channel_id(params)
        _require(params, "message_ts", error="message_not_found")
        ts = params["message_ts"].replace(".", "")
        link = f"https://{self.team_domain}.slack.com/archives/{channel}/p{ts}"
        return {"channel": channel, "permalink": link}

    def _reaction_key(self, params: Params) -> tuple[str, str, str]:
        channel = self._channel_id(params)
        _require(params, "timestamp", error="bad_timestamp")
        _require(params, "name", error="invalid_name")
        if self._find_message(channel, params["timestamp"]) is None:
            self._missing("message_not_found")
        return channel, params["timestamp"], params["name"].strip(":")

    def _reactions_add(self, params: Params) -> Params:
        key = self._reaction_key(params)
        if key in self._reactions:
            raise SlackError("already_reacted")
        self._reactions.add(key)
        return {}

    def _reactions_remove(self, params: Params) -> Params:
        key = self._reaction_key(params)
        if key not in self._reactions:
            raise SlackError("no_reaction")
        self._reactions.remove(key)
        return {}

    def _view_param(self, params: Params) -> Params:
        view = _json_field(params.get("view"))
        if not isinstance(view, dict):
            raise SlackError("invalid_arguments")
        return view

    def _store_view(
        self, view: Params, view_id: str | None = None, root: str | None = None
    ) -> Params:
        stored = self._view_object(view, view_id or self._new_id("V"), root)
        self._views[stored["id"]] = stored
        return {"view": stored}

    def _views_open(self, params: Params) -> Params:
        _require(params, "trigger_id")
        return self._store_view(self._view_param(params))

    def _views_push(self, params: Params) -> Params:
        _require(params, "trigger_id")
        return self._store_view(self._view_param(params))

    def _views_update(self, params: Params) -> Params:
        view = self._view_param(params)
        view_id = params.get("view_id") or self._view_by_external_id(params.get("external_id"))
        if not view_id:
            raise SlackError("invalid_arguments")
        current = self._views.get(view_id)
        if current is None:
            self._missing("not_found")
        elif params.get("hash") and params["hash"] != current["hash"]:
            raise SlackError("hash_conflict")
        root = current["root_view_id"] if current else None
        return self._store_view(view, view_id, root)

    def _view_by_external_id(self, external_id: str | None) -> str | None:
        views = self._views.values()
        return next(
            (v["id"] for v in views if external_id and v["external_id"] == external_id), None
        )

    def _views_publish(self, params: Params) -> Params:
        _require(params, "user_id")
        view = self._view_param(params)
        if view.get("type") != "home":
            raise SlackError("invalid_arguments")
        result = self._store_view(view, self._home_views.get(params["user_id"]))
        self._home_views[params["user_id"]] = result["view"]["id"]
        return result

    def _conversations_info(self, params: Params) -> Params:
        channel_id = params.get("channel") or ""
        channel = self._channels.get(channel_id)
        if channel is None:
            if self.strict or not channel_id:
                raise SlackError("channel_not_found")
            is_im, is_private = channel_id.startswith("D"), channel_id.startswith("G")
            channel = self._channel_object(channel_id, None, is_private, is_im, None, True)
        return {"channel": channel}

    def _conversations_open(self, params: Params) -> Params:
        """The DM with one user: "D" + the user id without its "U", stable like Slack's."""
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if len(users) != 1:
            raise SlackError("not_allowed_token_type" if not users else "invalid_arguments")
        channel_id = "D" + users[0].lstrip("UW")
        with self._cond:
            known = channel_id in self._channels
            if not known:
                self._channels[channel_id] = self._channel_object(
                    channel_id, None, False, True, users[0], True
                )
        channel = {"id": channel_id}
        return {"no_op": known, "already_open": known, "channel": channel}

    def _conversations_replies(self, params: Params) -> Params:
        channel = self._channel_id(params)
        _require(params, "ts", error="thread_not_found")
        messages = self._replies.get((channel, params["ts"])) or self._thread_messages(
            channel, params["ts"]
        )
        if not messages:
            self._missing("thread_not_found")
        return {"messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}

    def _thread_messages(self, channel: str, ts: str) -> list[Params]:
        thread = [
            dict(m)
            for m in self._messages.get(channel, [])
            if m["ts"] == ts or m.get("thread_ts") == ts
        ]
        thread.sort(key=lambda m: float(m["ts"]))
        replies = [m for m in thread if m["ts"] != ts]
        if replies and thread[0]["ts"] == ts:
            users = sorted({m["user"] for m in replies})
            thread[0].update(
                thread_ts=ts,
                reply_count=len(replies),
                reply_users=users,
                reply_users_count=len(users),
                latest_reply=replies[-1]["ts"],
            )
        return thread

    def _conversations_history(self, params: Params) -> Params:
        channel = self._channel_id(params)
        top_level = [
            m for m in self._messages.get(channel, []) if m.get("thread_ts", m["ts"]) == m["ts"]
        ]
        messages = sorted(top_level, key=lambda m: float(m["ts"]), reverse=True)
        limit = int(params.get("limit") or 100)
        return {
            "messages": messages[:limit],
            "has_more": len(messages) > limit,
            "pin_count": 0,
            "response_metadata": {"next_cursor": ""},
        }

    def _users_info(self, params: Params) -> Params:
        user_id = params.get("user") or ""
        user = self._users.get(user_id)
        if user is None:
            if self.strict or not user_id:
                raise SlackError("user_not_found")
            user = self._user_object(user_id, None, None, None, False, False, "Asia/Jakarta")
        return {"user": user}

    def _files_info(self, params: Params) -> Params:
        stored = self._files.get(params.get("file") or "")
        if stored is None:
            raise SlackError("file_not_found")
        return {"file": stored[0], "comments": [], "response_metadata": {"next_cursor": ""}}

    def _files_get_upload_url(self, params: Params) -> Params:
        _require(params, "filename", "length")
        if not str(params["length"]).isdigit():
            raise SlackError("invalid_arguments")
        file_id = self._new_id("F")
        self._uploads[file_id] = {
            "filename": params["filename"],
            "length": int(params["length"]),
            "data": None,
        }
        return {"upload_url": f"{self.root}upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, params: Params) -> Params:
        entries = _json_field(params.get("files"))
        if not isinstance(entries, list) or not entries:
            raise SlackError("invalid_arguments")
        channel = params.get("channel_id") or str(params.get("channels") or "").split(",")[0]
        files = [self._complete_one(entry, channel) for entry in entries]
        if channel:
            self._share(channel, files, params)
        return {"files": files}

    def _complete_one(self, entry: Params, channel: str) -> Params:
        pending = self._uploads.get(entry.get("id", ""))
        if pending is None or pending["data"] is None:
            raise SlackError("file_not_found")
        file_id, name = entry["id"], pending["filename"]
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        title = entry.get("title") or name
        info = self._file_object(
            file_id, name, title, mimetype, None, self.bot_user_id, pending["data"]
        )
        info["channels"] = [channel] if channel else []
        self._files[file_id] = (info, pending["data"])
        del self._uploads[file_id]
        return info

    def _share(self, channel: str, files: list[Params], params: Params) -> None:
        channel = self._channel_id({"channel": channel})
        message = self._bot_message(
            {"text": params.get("initial_comment") or "", "channel": channel}, self._new_ts()
        )
        message.update(files=files, upload=True, display_as_bot=False)
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        self._messages.setdefault(channel, []).append(message)
