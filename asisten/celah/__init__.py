"""Knowledge gaps: what users asked that the knowledge base could not answer, by topic.

- `collect`: the declined questions and 👎-rated answers kept in the bot's tables;
- `record`: the terminal's declined questions kept there too (without a user id);
- `group`: those questions grouped into topics by meaning with the index's embedding model.
"""
