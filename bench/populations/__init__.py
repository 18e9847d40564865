"""Synthetic populations with planted consortia, from generators written independently
of each other and of the engine's own test data. `tune` is the one the engine may be
tuned on; figures that count are those of the held-out generators."""

from collections.abc import Callable

from bench.populations import brochure, ledger, mosaic
from bench.populations.model import Population

Generator = Callable[[int, int, int], Population]  # (seed, consortia, noise)

GENERATORS: dict[str, Generator] = {
    brochure.NAME: brochure.generate,
    ledger.NAME: ledger.generate,
    mosaic.NAME: mosaic.generate,
}
TUNE = brochure.NAME
HELD_OUT = tuple(name for name in GENERATORS if name != TUNE)
