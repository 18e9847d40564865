"""Where the public API lives, for routers (prefix, Location headers) and for messages
that point a client at another resource."""

API_PREFIX = "/api/v1"


def api_path(*parts: object) -> str:
    """`api_path("regions", "SE23")` -> "/api/v1/regions/SE23"."""
    return "/".join((API_PREFIX, *(str(part) for part in parts)))
