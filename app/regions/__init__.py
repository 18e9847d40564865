"""NUTS regions with their smart specialisation (S3) priorities."""
