"""asisten: the Slack assistant for Indonesian regional innovation (inovasi daerah)."""

__version__ = "0.1.0"
