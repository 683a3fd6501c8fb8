"""The ledger's API is documented: OpenAPI describes every endpoint's body, including the push,
whose body the ledger parses itself (``api.parse_push``)."""

from __future__ import annotations

from typing import Any

import requests

from sync.protocol import MAX_BATCH

from .conftest import LedgerServer


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def test_openapi_describes_the_push_request_and_reply(ledger: LedgerServer) -> None:
    document = requests.get(f"{ledger.url}/openapi.json", timeout=10).json()
    push = document["paths"]["/v1/events"]["post"]

    body = push["requestBody"]
    assert body["required"] is True
    request = _resolve(document, body["content"]["application/json"]["schema"])
    assert request["required"] == ["events"]
    events = request["properties"]["events"]
    assert events["maxItems"] == MAX_BATCH
    event = _resolve(document, events["items"])
    assert {"event_id", "terminal_id", "seq", "kind", "payload", "prev_hash", "hash"} <= set(
        event["required"]
    )
    reply = _resolve(document, push["responses"]["200"]["content"]["application/json"]["schema"])
    assert set(reply["properties"]) == {"results", "applied_through_seq", "ledger_time"}
    assert requests.get(f"{ledger.url}/docs", timeout=10).status_code == 200
