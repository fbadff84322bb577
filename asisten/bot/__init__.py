"""The Slack edge: Bolt listeners translate Slack payloads into calls on the shared packages and
results back into Block Kit. No retrieval, SQL or template logic lives in a listener.
"""
