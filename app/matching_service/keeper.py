"""Keeps one MatchIndex per process in step with the database.

Every request reads the catalog version (one small query). When it moved, only the
actors whose version changed are read and featurised again, and their rows are replaced
in the index (new actors appended); the matrices are built anew only when actors were
deleted, regions or the vocabulary changed, or most of the actors changed at once.
"""

import gc
import logging
import threading

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app import catalog
from app.actors.models import Actor
from app.consortia.service import funded_counts
from app.feedback.service import weights_in_use
from app.matching.features import ActorFeatures, compute_features, reader_for
from app.matching.index import MatchIndex
from app.matching.profiles import ActorProfile, RegionProfile, Vocabulary
from app.matching.weights import COMPONENTS, default_weights
from app.reference import nace
from app.regions.models import Region, S3Priority
from app.vocab.models import VocabKind, VocabTerm

log = logging.getLogger("clustermatch.matching")
_CHUNK = 500
# Past this share of changed actors, one full build is cheaper than row replacements.
REBUILD_SHARE = 0.2


def load_vocabulary(session: Session) -> Vocabulary:
    labels: dict[VocabKind, dict[str, str]] = {VocabKind.theme: {}, VocabKind.capability: {}}
    labels_sv: dict[VocabKind, dict[str, str]] = {VocabKind.theme: {}, VocabKind.capability: {}}
    phrases: dict[VocabKind, dict[str, tuple[str, ...]]] = {
        VocabKind.theme: {},
        VocabKind.capability: {},
    }
    for term in session.exec(select(VocabTerm).order_by(col(VocabTerm.slug))):
        kind = VocabKind(term.kind)
        labels[kind][term.slug] = term.label_en
        labels_sv[kind][term.slug] = term.label_sv
        phrases[kind][term.slug] = (
            term.label_en,
            term.label_sv,
            *term.synonyms_en,
            *term.synonyms_sv,
        )
    return Vocabulary(
        theme_labels=labels[VocabKind.theme],
        capability_labels=labels[VocabKind.capability],
        theme_phrases=phrases[VocabKind.theme],
        capability_phrases=phrases[VocabKind.capability],
        theme_labels_sv=labels_sv[VocabKind.theme],
        capability_labels_sv=labels_sv[VocabKind.capability],
    )


def load_regions(session: Session) -> dict[str, RegionProfile]:
    themes: dict[str, set[str]] = {}
    nace_codes: dict[str, set[str]] = {}
    for priority in session.exec(select(S3Priority)):
        themes.setdefault(priority.region_code, set()).update(priority.themes)
        nace_codes.setdefault(priority.region_code, set()).update(priority.nace_codes)
    return {
        code: RegionProfile(
            code=code,
            name=name,
            level=level,
            priority_themes=frozenset(themes.get(code, ())),
            priority_nace=frozenset(nace_codes.get(code, ())),
            local_name=local_name,
        )
        for code, name, local_name, level in session.execute(
            sa.select(col(Region.code), col(Region.name), col(Region.local_name), col(Region.level))
        )
    }


def to_profile(actor: Actor) -> ActorProfile:
    assert actor.id is not None
    return ActorProfile(
        id=actor.id,
        kind=str(actor.kind),
        name=actor.name,
        region_code=actor.region_code,
        description=actor.description,
        themes=frozenset(actor.themes),
        nace_codes=frozenset(actor.nace_codes),
        technologies=frozenset(actor.technologies),
        offers=frozenset(actor.offers),
        seeks=frozenset(actor.seeks),
        version=actor.version,
    )


# From this many actors a full build hides its objects from the cycle collector; a smaller
# index is walked quickly, and a full collection costs more than it saves.
FREEZE_MIN_ACTORS = 5_000


class IndexKeeper:
    def __init__(self, track_record_weight: float = 0.0) -> None:
        self._track_record_weight = track_record_weight
        self._lock = threading.Lock()
        self._index: MatchIndex | None = None
        self._version = -1
        self._vocabulary: Vocabulary | None = None
        self._features: dict[int, ActorFeatures] = {}

    def index(self, session: Session) -> MatchIndex:
        """The index at the catalog version the session sees, or newer.

        One thread refreshes at a time; while it does, other requests are answered from the
        previous index instead of queueing behind it (only the very first build is waited
        for), so a refresh never holds every worker thread.
        """
        version = catalog.current_version(session)
        current = self._index
        if current is not None and version <= self._version:
            return current
        if not self._lock.acquire(blocking=current is None):
            assert current is not None
            return current
        try:
            if self._index is None or version > self._version:
                self._refresh(session, version)
            assert self._index is not None
            return self._index
        finally:
            self._lock.release()

    def _refresh(self, session: Session, version: int) -> None:
        vocabulary = load_vocabulary(session)
        new_vocabulary = vocabulary != self._vocabulary
        if new_vocabulary:
            self._features.clear()  # new terms change what every description says
            self._vocabulary = vocabulary
        stored = {
            int(actor_id): int(actor_version)
            for actor_id, actor_version in session.execute(
                sa.select(col(Actor.id), col(Actor.version))
            )
        }
        gone = set(self._features) - set(stored)
        for actor_id in gone:
            del self._features[actor_id]
        stale = sorted(
            actor_id
            for actor_id, actor_version in stored.items()
            if actor_id not in self._features
            or self._features[actor_id].profile.version != actor_version
        )
        reader = reader_for(vocabulary)
        for start in range(0, len(stale), _CHUNK):
            chunk = stale[start : start + _CHUNK]
            actors = session.exec(select(Actor).where(col(Actor.id).in_(chunk)))
            profiles = [to_profile(a) for a in actors]
            for features in compute_features(
                profiles, vocabulary, reader, nace.section_of_divisions()
            ):
                self._features[features.profile.id] = features
        regions = load_regions(session)
        funded = funded_counts(session)
        # Weights stored by the last `clustermatch matching fit`, else the defaults (also
        # when the stored ones name other components than the engine combines now).
        fitted = weights_in_use(session)
        weights = fitted if fitted and set(fitted) == set(COMPONENTS) else default_weights()
        changed = [self._features[i] for i in stale]
        current = self._index
        if (
            current is not None
            and not new_vocabulary
            and not gone
            and regions == current.regions
            and len(stale) <= REBUILD_SHARE * max(len(self._features), 1)
            and current.can_take(changed)
        ):
            # A few actors changed (or only the track record moved): replace their rows.
            updated = current.with_features(changed) if changed else current
            self._index = updated.with_funded(funded).with_weights(weights)
        else:
            self._index = MatchIndex(
                vocabulary=vocabulary,
                regions=regions,
                features=[self._features[i] for i in sorted(self._features)],
                funded=funded,
                track_record_weight=self._track_record_weight,
                weights=weights,
            )
            if len(self._features) >= FREEZE_MIN_ACTORS:
                # The index and the features behind it live until the next full build:
                # the cycle collector need not walk their millions of objects on every
                # full pass (a pass cost a request 100+ ms at 10,000 actors). The previous
                # build's are let go first, so that nothing frozen outlives its index.
                gc.unfreeze()
                gc.collect()
                gc.freeze()
        self._version = version
        log.info(
            "matching index at catalog version %s: %s actors, %s re-read",
            version,
            len(self._features),
            len(stale),
        )
