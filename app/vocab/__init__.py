"""Controlled vocabularies: S3 themes and actor capabilities."""
