"""Saved consortia: proposals or hand-picked member lists, with their status."""
