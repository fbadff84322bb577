"""Conversation logic shared by the terminal chat and the Slack bot."""

from asisten.percakapan.conversation import Conversation, Reply

__all__ = ["Conversation", "Reply"]
