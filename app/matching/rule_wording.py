"""The sentences that say how a consortium breaks a rule, in English or Swedish.

A violation's `rule` (the call's field name) is what programs read and never changes with the
language; its `detail` is for people and is worded here.
"""

from collections.abc import Mapping
from datetime import datetime

WORDS = {
    "en": {
        "min_members": "{count}; at least {needed} are needed",
        "max_members": "{count}; at most {allowed} are allowed",
        "min_regions": "members come from {count}{level}; at least {needed} are needed",
        "min_countries": "members come from {count}; at least {needed} are needed",
        "level": " (NUTS {})",
        "eligible_countries": "{name} is in {country}, not an eligible country",
        "eligible_region_codes": "{name} is in {region}, not an eligible region",
        "eligible_kinds": "{name} is {kind}, not an eligible kind",
        "themes": "the members share no theme{scope}",
        "themes_scope": " among {}",
        "funding_min": "{asked} is below the minimum of {limit}",
        "funding_max": "{asked} is above the maximum of {limit}",
        "opens_at": "applications open on {date}",
        "closes_at": "applications closed on {date}",
        "separator": ", ",
    },
    "sv": {
        "min_members": "{count}; minst {needed} behövs",
        "max_members": "{count}; högst {allowed} är tillåtna",
        "min_regions": "medlemmarna kommer från {count}{level}; minst {needed} behövs",
        "min_countries": "medlemmarna kommer från {count}; minst {needed} behövs",
        "level": " (NUTS {})",
        "eligible_countries": "{name} finns i {country}, som inte är ett stödberättigat land",
        "eligible_region_codes": "{name} finns i {region}, som inte är en stödberättigad region",
        "eligible_kinds": "{name} är {kind}, som inte är en stödberättigad typ av aktör",
        "themes": "medlemmarna har inget gemensamt tema{scope}",
        "themes_scope": " bland {}",
        "funding_min": "{asked} är under lägsta beloppet {limit}",
        "funding_max": "{asked} är över högsta beloppet {limit}",
        "opens_at": "ansökningsperioden öppnar {date}",
        "closes_at": "ansökningsperioden stängde {date}",
        "separator": ", ",
    },
}

# (singular, plural) of what the rules count.
UNITS = {
    "en": {
        "member": ("member", "members"),
        "region": ("region", "regions"),
        "country": ("country", "countries"),
    },
    "sv": {
        "member": ("medlem", "medlemmar"),
        "region": ("region", "regioner"),
        "country": ("land", "länder"),
    },
}

KINDS = {
    "en": {"cluster": "a cluster", "rdi_platform": "an RDI platform"},
    "sv": {"cluster": "ett kluster", "rdi_platform": "en FoI-plattform"},
}


def _lang(lang: str) -> str:
    return lang if lang in WORDS else "en"


def say(lang: str, key: str, **values: object) -> str:
    return WORDS[_lang(lang)][key].format(**values)


def counted(lang: str, n: int, unit: str) -> str:
    """ "1 region", "3 countries"; "1 region", "3 länder"."""
    one, many = UNITS[_lang(lang)][unit]
    return f"{n} {one if n == 1 else many}"


def level_note(lang: str, level: int | None) -> str:
    return WORDS[_lang(lang)]["level"].format(level) if level is not None else ""


def kind_name(lang: str, kind: str) -> str:
    """A kind with its article; a kind without a name of its own as it is spelt."""
    return KINDS[_lang(lang)].get(kind, kind)


def euros(lang: str, amount: int) -> str:
    """EUR 400,000 in English; EUR 400 000 in Swedish (a space groups the thousands, as
    the explorer's budget shows them)."""
    grouped = f"{amount:,}"
    return f"EUR {grouped.replace(',', ' ') if _lang(lang) == 'sv' else grouped}"


def date(moment: datetime) -> str:
    """ISO dates read the same in both languages."""
    return moment.date().isoformat()


def theme_scope(lang: str, themes: frozenset[str] | None, names: Mapping[str, str]) -> str:
    """ " among food, life science": the themes by their labels in `lang`, when known."""
    if themes is None:
        return ""
    labels = WORDS[_lang(lang)]["separator"].join(names.get(t, t) for t in sorted(themes))
    return WORDS[_lang(lang)]["themes_scope"].format(labels)
