"""The ledger as an ASGI application factory, for ``memberdesk-ledger serve --workers N``.

uvicorn starts several worker processes only from an import string; each worker calls
``create_from_env`` and opens its own connection pool. The parent process migrated the
database before it started them, so the workers never race to migrate.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from sync.server.api import create_app
from sync.server.db import make_engine
from sync.server.keys import load_outside_key

DATABASE_ENV = "MEMBERDESK_LEDGER_DATABASE"
ADMIN_TOKEN_ENV = "MEMBERDESK_LEDGER_ADMIN_TOKEN"  # noqa: S105 - a variable name
PUBLIC_URL_ENV = "MEMBERDESK_LEDGER_PUBLIC_URL"


def create_from_env() -> FastAPI:
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"${DATABASE_ENV} must name the ledger database")
    return create_app(
        make_engine(url),
        admin_token=os.environ.get(ADMIN_TOKEN_ENV),
        signing_key=load_outside_key(None),
        public_url=os.environ.get(PUBLIC_URL_ENV) or None,
    )
