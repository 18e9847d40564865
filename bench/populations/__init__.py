"""Synthetic populations with planted consortia, from generators written independently
of each other and of the engine's own test data. The TUNING ones are those the engine may
be tuned on; figures that count are those of the held-out generators."""

from collections.abc import Callable

from bench.populations import brochure, field, ledger, mosaic, prose, scout
from bench.populations.model import Population

Generator = Callable[[int, int, int], Population]  # (seed, consortia, noise)

GENERATORS: dict[str, Generator] = {
    brochure.NAME: brochure.generate,
    field.NAME: field.generate,
    ledger.NAME: ledger.generate,
    mosaic.NAME: mosaic.generate,
    prose.NAME: prose.generate,
    scout.NAME: scout.generate,
}
TUNING = (brochure.NAME, field.NAME, scout.NAME, prose.NAME)
HELD_OUT = tuple(name for name in GENERATORS if name not in TUNING)
