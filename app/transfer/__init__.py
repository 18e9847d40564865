"""Bulk import and export of one JSON document `{regions, clusters, rdi_platforms}`."""
