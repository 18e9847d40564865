"""The Alembic migrations: the only way the schema changes. Shipped with the package, so an
installed wheel can migrate its database."""
