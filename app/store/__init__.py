"""The local store: SQLAlchemy 2 on SQLite, durable, append-only where history lives."""
