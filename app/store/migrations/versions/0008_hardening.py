"""hardening: members' phones in the one normal form (app.domain.phones)

Phones enrolled before one normalisation was kept as typed ('+86 139…', '８６139…'); they are
rewritten to the normal form, so a lookup by any spelling finds the member. A phone that does
not normalise, or whose normal form another member holds already (one person enrolled twice),
is left as it was and logged by member id for the service desk: merging members is a person's
decision, never a migration's.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from app.domain.errors import InvalidInput
from app.domain.phones import normalise_phone

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

log = logging.getLogger("memberdesk.migrations")


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT member_id, phone FROM members")).all()
    taken = {phone for _, phone in rows}
    for member_id, phone in rows:
        try:
            normal = normalise_phone(phone)
        except InvalidInput:
            log.warning("member %s: the stored phone is not a valid number; left as it was", member_id)
            continue
        if normal == phone:
            continue
        if normal in taken:
            log.warning(
                "member %s: the phone is another member's too (enrolled twice?); left as it "
                "was for the service desk",
                member_id,
            )
            continue
        connection.execute(
            sa.text("UPDATE members SET phone = :phone WHERE member_id = :member_id"),
            {"phone": normal, "member_id": member_id},
        )
        taken.discard(phone)
        taken.add(normal)


def downgrade() -> None:
    """Normal forms are phones still; nothing to undo."""
