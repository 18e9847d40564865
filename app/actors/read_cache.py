"""Serialised actors, cached by (id, version, updated_at).

Every write gives a row a new version and timestamp, so a cached entry can never be
stale: a changed row simply misses. Several processes on one database stay consistent
without any invalidation messages. Reads first fetch the keys (three small columns),
then load and serialise only the rows the cache has not seen.
"""

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping


class JsonCache:
    def __init__(self, max_entries: int) -> None:
        self._max_entries = max_entries
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[Hashable]) -> dict[Hashable, bytes]:
        found = {}
        with self._lock:
            for key in keys:
                value = self._entries.get(key)
                if value is not None:
                    self._entries.move_to_end(key)
                    found[key] = value
        return found

    def put_many(self, items: Mapping[Hashable, bytes]) -> None:
        with self._lock:
            self._entries.update(items)
            for key in items:
                self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
