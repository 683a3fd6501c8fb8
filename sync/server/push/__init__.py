"""The ledger's push: take terminals' batches of events exactly once, in sequence order.

Pushes are applied in groups (``push_group``; ``group_commit`` makes the groups): the pushes
that arrived while the ledger was busy go through as one transaction, each exactly as if it
had been applied alone after the ones before it, with one lock hand-over and one commit for
all of them.

A group is applied in memory, then written in one go. Every event is decided before anything
is changed for it (compute, then write): a business rejection (final, recorded as a
``rejected`` event) leaves no trace of the event's other effects, exactly as if the event had
been applied alone in a savepoint that was rolled back, and a protocol error (a credential
refused, another terminal's event, a changed replay, a sequence gap, a broken hash chain)
refuses that push before a single row of it is written. The rows then go out in bulk (one
multi-row INSERT or one pipelined ``executemany`` per table) with the commit.

Locks, always in this order: the pushing terminals' rows (in terminal id order; only a
terminal's own pushes wait for it), the members the group names (``SELECT ... FOR UPDATE``,
in member id order, so two groups never wait for each other in a circle), the change counter
(taken last, held only for the final stamping and the commit). What does not depend on a
member is done before the members' locks: the protocol checks, the purchases'
recomputation, and the new events' rows (written as applied in the round trip that takes the
locks; a rejection is corrected with the other writes).

The modules, one concern each: ``state`` (the batch, the members and stored events as it sees
them, each push), ``fields`` (reading a payload), ``checks`` (credential, terminal, chain),
``reads`` (stored events, rule books, the members locked), ``handlers`` (a table from event
kind to handler), ``purchase``, ``writer`` (the bulk rows and the commit) and ``group`` (the
order of it all).
"""

from sync.server.push.fields import MAX_AMOUNT, Rejection
from sync.server.push.group import push_group
from sync.server.push.handlers import HANDLERS, apply_event
from sync.server.push.state import DATABASE_ERRORS, PushJob, PushReply

__all__ = [
    "DATABASE_ERRORS",
    "HANDLERS",
    "MAX_AMOUNT",
    "PushJob",
    "PushReply",
    "Rejection",
    "apply_event",
    "push_group",
]
