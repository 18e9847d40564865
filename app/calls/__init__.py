"""Funding calls with their eligibility rules."""
