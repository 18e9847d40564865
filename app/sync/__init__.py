"""Integrator sync: idempotent, all-or-nothing batches keyed by the integrator's ids."""
