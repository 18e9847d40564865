"""The consortium objective, evaluated for many member sets at once.

score = 0.40 coherence + 0.25 coverage + 0.10 complementarity + 0.25 diversity
        - 0.25 redundancy, floored at 0, where for a member set M of size m:

- coherence: a third the share of members on the consortium theme (the requested theme,
  else the theme most members share), a third the mean pairwise thematic closeness (which
  weighs shared concepts by specificity), a third the shared focus: the largest share of
  members naming one specific technology or focus phrase (or a word of one: see
  consortia.make_pool). Partners in a consortium work on the same specific thing; a set
  that merely shares a broad theme scores a third less;
- coverage: 0.7 x the share of what members seek that another member offers (0.5 when
  nobody seeks anything: no need stated is no evidence of needs met) + 0.3 x reciprocity,
  the share of members that both give (offer something another member seeks) and receive
  (seek something another member offers), so that members cover *each other's* needs
  rather than one member serving the rest. What members offer that nobody in the
  consortium seeks earns nothing: counting the breadth of offers rewarded padding a
  consortium with a member that only adds them;
- complementarity: half the mean pairwise complementarity, half the mean over members of
  their best complement inside the consortium. It weighs little: coverage already counts
  the needs met, and in a consortium whose needs run in a ring (A serves B, B serves C,
  C serves A) no pair complements both ways, though the whole does;
- diversity: distinct regions / m;
- redundancy: mean over pairs of (same kind x offer similarity x theme similarity):
  near-identical profiles add cost, not strength.
"""

from dataclasses import dataclass

import numpy as np

WEIGHTS = {
    "coherence": 0.40,
    "coverage": 0.25,
    "complementarity": 0.10,
    "diversity": 0.25,
    "redundancy": -0.25,
}
COVERAGE = {"met": 0.7, "reciprocity": 0.3}
# Coherence: on the consortium theme, close pair by pair, and sharing a specific focus.
COHERENCE = {"theme": 1 / 3, "closeness": 1 / 3, "focus": 1 / 3}


@dataclass
class Pool:
    """The actors a consortium may be drawn from, with their pairwise matrices."""

    ids: np.ndarray  # (P,) actor ids
    thematic: np.ndarray  # (P, P) symmetric
    complementarity: np.ndarray  # (P, P) symmetric
    redundancy: np.ndarray  # (P, P) symmetric
    themes: np.ndarray  # (P, T) 0/1
    offers: np.ndarray  # (P, K) 0/1
    seeks: np.ndarray  # (P, K) 0/1
    region: np.ndarray  # (P,) region index at the counting level
    is_cluster: np.ndarray  # (P,) bool
    # (P, F) 0/1: the specific concepts (technologies, focus phrases, their telling words)
    # each actor works on, for those two or more pool actors share; (P,): whether it
    # names any at all
    focus: np.ndarray | None = None
    names_focus: np.ndarray | None = None
    theme_column: int | None = None  # the requested theme, if any
    country: np.ndarray | None = None  # (P,) country index; None: all in one country

    def __len__(self) -> int:
        return len(self.ids)


def distinct_per_row(labels: np.ndarray) -> np.ndarray:
    """How many different values each row of a (B, m) label array holds."""
    ordered = np.sort(labels, axis=1)
    return (np.diff(ordered, axis=1) != 0).sum(axis=1) + 1


def reciprocity(pool: Pool, members: np.ndarray) -> np.ndarray:
    """Per member set, the share of members that both give to and receive from another
    member (what one offers, another seeks)."""
    offers = pool.offers[members]  # (B, m, K)
    seeks = pool.seeks[members]
    seekers = seeks.sum(axis=1, keepdims=True) - seeks  # how many *other* members seek k
    offerers = offers.sum(axis=1, keepdims=True) - offers
    gives = ((offers * seekers) > 0).any(axis=2)
    receives = ((seeks * offerers) > 0).any(axis=2)
    return (gives & receives).mean(axis=1)


def shared_focus(pool: Pool, members: np.ndarray) -> np.ndarray:
    """Per member set, the largest share of members working on one specific concept (a
    technology all of them name scores 1)."""
    m = members.shape[1]
    alone = (
        pool.names_focus[members].max(axis=1).astype(float)
        if pool.names_focus is not None
        else np.zeros(len(members))
    )
    if pool.focus is None or pool.focus.shape[1] == 0:
        return alone / m
    return np.maximum(pool.focus[members].sum(axis=1).max(axis=1), alone) / m


def evaluate(pool: Pool, members: np.ndarray) -> dict[str, np.ndarray]:
    """Score every row of `members` (B x m pool positions, m >= 2); returns the score and
    each component, one entry per row."""
    members = np.atleast_2d(members)
    m = members.shape[1]
    left, right = np.triu_indices(m, 1)
    a, b = members[:, left], members[:, right]

    pair_thematic = pool.thematic[a, b].mean(axis=1)
    pairwise = pool.complementarity[members[:, :, None], members[:, None, :]]  # (B, m, m)
    pairwise = np.where(np.eye(m, dtype=bool)[None], -np.inf, pairwise)
    best_partner = pairwise.max(axis=2).mean(axis=1)
    complementarity = 0.5 * pool.complementarity[a, b].mean(axis=1) + 0.5 * best_partner
    redundancy = pool.redundancy[a, b].mean(axis=1)

    theme_counts = pool.themes[members].sum(axis=1)  # (B, T)
    if pool.theme_column is not None:
        on_theme = theme_counts[:, pool.theme_column]
    else:
        on_theme = theme_counts.max(axis=1) if theme_counts.shape[1] else np.zeros(len(members))
    coherence = (
        COHERENCE["theme"] * on_theme / m
        + COHERENCE["closeness"] * pair_thematic
        + COHERENCE["focus"] * shared_focus(pool, members)
    )

    offers, seeks = pool.offers[members], pool.seeks[members]  # (B, m, K)
    sought = seeks.max(axis=1)  # (B, K)
    n_sought = sought.sum(axis=1)
    # A need is met when a member *other* than one seeking it offers it: the (seeker,
    # offerer) pairs of a capability, less the members that are both.
    pairs = seeks.sum(axis=1) * offers.sum(axis=1) - (seeks * offers).sum(axis=1)
    met_needs = (pairs > 0).sum(axis=1)
    met = np.where(n_sought > 0, met_needs / np.maximum(n_sought, 1), 0.5)
    coverage = COVERAGE["met"] * met + COVERAGE["reciprocity"] * reciprocity(pool, members)

    distinct = distinct_per_row(pool.region[members])
    diversity = distinct / m

    parts = {
        "coherence": coherence,
        "coverage": coverage,
        "complementarity": complementarity,
        "diversity": diversity,
        "redundancy": redundancy,
    }
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    return {"score": np.maximum(score, 0.0), **parts, "regions": distinct}
