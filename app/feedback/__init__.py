"""Outcomes matching learns from: verdicts on candidates, and the stored score weights."""
