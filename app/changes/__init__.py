"""The change feed: every create, update and delete of regions, actors and calls."""
