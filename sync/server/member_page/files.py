"""The page's files, served from ``static/`` under a strict Content-Security-Policy: only
this origin's own scripts, styles and API; no inline script, no third-party origin."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

STATIC = Path(__file__).parent / "static"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _load() -> dict[str, tuple[bytes, str, str]]:
    """Every file of static/ by its path under /phone/: (bytes, type, etag); read once."""
    found = {}
    for path in sorted(STATIC.rglob("*")):
        if path.is_file() and path.suffix in TYPES:
            data = path.read_bytes()
            name = path.relative_to(STATIC).as_posix()
            etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
            found[name] = (data, TYPES[path.suffix], etag)
    if "index.html" not in found:
        raise RuntimeError(f"The member page's files are missing from {STATIC}; reinstall.")
    found[""] = found["index.html"]
    return found


def router() -> APIRouter:
    """One route per file (``/phone/`` is index.html): any other path under /phone is the
    API's or no one's, so a wrong method on an API path still answers 405."""
    routes = APIRouter(include_in_schema=False)

    @routes.get("/phone")
    def bare() -> Response:
        return Response(status_code=308, headers={"Location": "/phone/"})

    for name, found in _load().items():
        routes.add_api_route(f"/phone/{name}", _serve(*found), methods=["GET"])
    return routes


def _serve(data: bytes, media_type: str, etag: str) -> Callable[[Request], Response]:
    def page_file(request: Request) -> Response:
        headers = {**SECURITY_HEADERS, "ETag": etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(data, media_type=media_type, headers=headers)

    return page_file
