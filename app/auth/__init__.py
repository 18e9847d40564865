"""API keys, roles and the checks every write goes through."""
