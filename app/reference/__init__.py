"""Offline classifications shipped by the field's own packages (NUTS 2024, NACE Rev. 2.1)."""
