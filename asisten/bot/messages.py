"""Small Slack plumbing shared by answering, drafting and admin work: where a message goes, the
user's DM, posting and updating plain-text messages, and reading where a click came from."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from asisten.bot.blocks import Block, build_text_blocks, fallback_text


@dataclass(frozen=True)
class SlackThread:
    """A channel, and the thread in it (None: the channel itself)."""

    channel: str
    thread_ts: str | None = None


def dm_channel(client: WebClient, user: str) -> str:
    return client.conversations_open(users=user)["channel"]["id"]


def post_text(
    client: WebClient, where: SlackThread, text: str, blocks: list[Block] | None = None
) -> str:
    """Post a message (plain text as sections unless blocks are given); its ts."""
    response = client.chat_postMessage(
        channel=where.channel, thread_ts=where.thread_ts, text=fallback_text(text),
        blocks=blocks or build_text_blocks(text), unfurl_links=False,
    )  # fmt: skip
    return response["ts"]


def update_text(
    client: WebClient, channel: str, ts: str, text: str, blocks: list[Block] | None = None
) -> None:
    client.chat_update(
        channel=channel, ts=ts, text=fallback_text(text), blocks=blocks or build_text_blocks(text)
    )


def clicked(body: dict) -> tuple[SlackThread, str]:
    """Where a clicked message lives (its channel and thread) and its own ts."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    ts = container.get("message_ts") or message.get("ts")
    return SlackThread(channel, message.get("thread_ts")), ts
