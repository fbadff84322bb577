"""Keeping the knowledge current: uploads checked and previewed, index jobs run one at a time in
a separate process, rollback, and a record of every admin action. Shared by Slack and the CLI."""
