"""Retrieval and grounded answers."""
