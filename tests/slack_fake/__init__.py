"""Local fakes of Slack for end-to-end tests of the Bolt app.

``FakeSlack`` stands in for the Web API (``WebClient(base_url=slack.url)``); the
``signing`` helpers play Slack's side of HTTP-mode delivery to the app.
"""

from .server import Call, FakeSlack, SlackError, UploadedFile
from .signing import (
    action_body,
    command_body,
    event_body,
    new_trigger_id,
    new_ts,
    post,
    sign,
    view_submission_body,
)

__all__ = [
    "Call",
    "FakeSlack",
    "SlackError",
    "UploadedFile",
    "action_body",
    "command_body",
    "event_body",
    "new_trigger_id",
    "new_ts",
    "post",
    "sign",
    "view_submission_body",
]
