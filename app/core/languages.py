"""The languages answers come in, and the caller's choice among them (Accept-Language)."""

LANGUAGES = ("en", "sv")
DEFAULT = "en"


def preferred_language(accept_language: str | None) -> str:
    """The language of ours the caller weighs highest in Accept-Language, else English.
    q=0 means "not this language" (RFC 9110)."""
    best, best_q = DEFAULT, -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if primary in LANGUAGES and q > 0 and q > best_q:
            best, best_q = primary, q
    return best
