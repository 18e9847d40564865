"""A sparse matrix whose rows can be replaced or appended one at a time.

Rebuilding a CSR matrix to change one row copies every row; here a changed row goes to a
small overlay instead, which products read after the untouched base. When the overlay
grows past a share of the rows, the two are merged back into one base (in C, O(nnz)).
Instances are immutable: a change returns a new one that shares the base, so requests
still reading the old one are not disturbed.
"""

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

Row = tuple[np.ndarray, np.ndarray]  # column indices, values
COMPACT_MIN = 512  # overlay rows always allowed before a merge
COMPACT_SHARE = 0.02  # ... or this share of all rows
FEW_ROWS = 256  # up to this many rows, a product gathers them rather than doing them all


def _csr(rows: list[Row], width: int) -> sp.csr_matrix:
    lengths = [len(indices) for indices, _ in rows]
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = np.concatenate([r[0] for r in rows]).astype(np.int32) if rows else np.zeros(0)
    data = np.concatenate([r[1] for r in rows]).astype(np.float32) if rows else np.zeros(0)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), width))


@dataclass(frozen=True)
class SparseRows:
    base: sp.csr_matrix
    width: int
    n_rows: int = -1
    overlay: dict[int, Row] = field(default_factory=dict)
    _overlay_matrix: sp.csr_matrix = field(init=False, repr=False)
    _overlay_positions: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.n_rows < 0:
            object.__setattr__(self, "n_rows", self.base.shape[0])
        positions = np.array(sorted(self.overlay), dtype=np.int64)
        object.__setattr__(self, "_overlay_positions", positions)
        object.__setattr__(
            self, "_overlay_matrix", _csr([self.overlay[int(p)] for p in positions], self.width)
        )

    @classmethod
    def from_rows(cls, rows: list[Row], width: int) -> "SparseRows":
        return cls(base=_csr(rows, width), width=width)

    def row(self, i: int) -> Row:
        if i in self.overlay:
            return self.overlay[i]
        start, end = self.base.indptr[i], self.base.indptr[i + 1]
        return self.base.indices[start:end], self.base.data[start:end]

    def dot(self, dense: np.ndarray, rows: np.ndarray | slice | None = None) -> np.ndarray:
        """Each row's dot product with a dense vector (of at least `width` entries)."""
        out = np.zeros(self.n_rows, dtype=np.float32)
        base_rows = self.base.shape[0]
        if rows is None or isinstance(rows, slice):
            out[:base_rows] = self.base @ dense[: self.base.shape[1]]
            if len(self._overlay_positions):
                out[self._overlay_positions] = self._overlay_matrix @ dense[: self.width]
            return out if rows is None else out[rows]
        if len(rows) > FEW_ROWS:
            return self.dot(dense)[rows]
        # A few rows only (a consortium pool): gather them into one small matrix.
        picked = _csr([self.row(int(r)) for r in rows], self.width)
        return np.asarray(picked @ dense[: self.width], dtype=np.float32)

    def with_rows(self, changes: dict[int, Row], width: int) -> "SparseRows":
        """A copy with the given rows replaced (or appended, past the last row)."""
        overlay = {**self.overlay, **changes}
        n_rows = max(self.n_rows, max(changes, default=-1) + 1)
        changed = SparseRows(base=self.base, width=width, n_rows=n_rows, overlay=overlay)
        if len(overlay) > max(COMPACT_MIN, COMPACT_SHARE * n_rows):
            return changed.compacted()
        return changed

    def compacted(self) -> "SparseRows":
        """The same rows with the overlay merged into the base."""
        base = self.base
        if base.shape != (self.n_rows, self.width):
            base = sp.csr_matrix(
                (base.data, base.indices, _padded_indptr(base.indptr, self.n_rows)),
                shape=(self.n_rows, self.width),
            )
        keep = np.ones(self.n_rows, dtype=np.float32)
        keep[self._overlay_positions] = 0.0
        placed = sp.csr_matrix(
            (
                np.ones(len(self._overlay_positions), dtype=np.float32),
                (self._overlay_positions, np.arange(len(self._overlay_positions))),
            ),
            shape=(self.n_rows, len(self._overlay_positions)),
        )
        merged = sp.diags(keep) @ base + placed @ self._overlay_matrix
        merged = sp.csr_matrix(merged, dtype=np.float32)
        merged.eliminate_zeros()
        return SparseRows(base=merged, width=self.width)


def _padded_indptr(indptr: np.ndarray, n_rows: int) -> np.ndarray:
    extra = n_rows + 1 - len(indptr)
    return np.concatenate([indptr, np.full(extra, indptr[-1], dtype=indptr.dtype)])
