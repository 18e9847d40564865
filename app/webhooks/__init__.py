"""Webhooks: subscriptions per API key, and signed, ordered, retried deliveries of the
change feed (Standard Webhooks)."""
