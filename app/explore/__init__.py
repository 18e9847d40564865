"""The explorer: server-rendered pages at /explore over the services the JSON API uses,
in Swedish and English, with its templates and static files shipped in the package."""
