"""NACE Rev. 2.1 lookups over the classification naceconverter ships."""

import re
from functools import lru_cache

# Section letter, division "26", group "26.1" or class "26.11".
_NACE_SHAPE = re.compile(r"^(?:[A-U]|\d{2}(?:\.\d{1,2})?)$")


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    from naceconverter import NACEConverter

    return frozenset(NACEConverter().get_all_codes())


def normalise(code: str) -> str:
    return code.strip().upper()


def problem_with(code: str) -> str | None:
    """Why `code` is not a NACE Rev. 2.1 code, or None when it is one."""
    if not _NACE_SHAPE.match(code):
        return (
            f"'{code}' is not a NACE code: use a section letter (C), a division (26), "
            "a group (26.1) or a class (26.11)"
        )
    if code not in _codes():
        return (
            f"'{code}' is not a NACE Rev. 2.1 code (Rev. 2 codes that Rev. 2.1 dropped "
            "or renumbered are not accepted)"
        )
    return None


@lru_cache(maxsize=32)
def filter_prefixes(code: str) -> tuple[str, ...]:
    """Stored-code prefixes that fall under `code`: a section expands to its divisions."""
    if code.isalpha():
        from naceconverter import NACEConverter

        divisions = [c["code"] for c in NACEConverter().get_children(code)]
        return (code, *divisions)
    return (code,)


@lru_cache(maxsize=1)
def section_of_divisions() -> dict[str, str]:
    """Division code -> section letter ("26" -> "C")."""
    from naceconverter import NACEConverter

    return {row["code"]: row["parentCode"] for row in NACEConverter().get_codes_by_level(2)}


def is_code_prefix(prefix: str) -> bool:
    """True when some NACE Rev. 2.1 code starts with `prefix` (a filter such as `26.`)."""
    return any(code.startswith(prefix) for code in _codes())
