"""A fault-injecting HTTP proxy on loopback, between a terminal's LedgerClient and the ledger.

Each request the proxy reads is matched against the script (a queue of ``Fault``): the first
fault whose method and path prefix match is taken off the queue and applied to that request;
requests nothing matches pass through untouched. Every request is forwarded upstream on its
own connection with ``Connection: close`` so the reply is simply everything up to EOF.

Faults:

- ``drop_request``  close the client's connection before forwarding (the ledger never sees it)
- ``reset``         reset the client's connection (RST) before forwarding
- ``drop_reply``    forward, read the ledger's reply (it has committed), then reset the client;
                    with ``then``, call it first (e.g. SIGKILL the terminal at that moment)
- ``duplicate``     forward the request twice, one after the other; answer with the second reply
- ``delay``         wait ``seconds`` before forwarding (longer than the client's read timeout
                    turns it into a reply lost after the ledger committed)
- ``reorder``       hold this request until the next matching request has been forwarded and
                    answered, then forward this one (two concurrent requests, swapped)
- ``error_before``  answer ``status`` (5xx) without forwarding
- ``error_after``   forward (the ledger commits), then answer ``status`` instead of its reply
- ``truncate``      forward, then send the head and only half of the body, and close
- ``garble``        forward, then send the reply with its body bytes scrambled
- ``slow``          forward, then send the reply a few bytes at a time (it arrives whole)
- ``slow_request``  forward the request to the ledger a few bytes at a time (a slow uplink:
                    the ledger must wait for the whole body, then answer normally)
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

KINDS = frozenset(
    {
        "drop_request",
        "reset",
        "drop_reply",
        "duplicate",
        "delay",
        "reorder",
        "error_before",
        "error_after",
        "truncate",
        "garble",
        "slow",
        "slow_request",
    }
)
MAX_HEAD = 64 * 1024
IO_TIMEOUT = 30.0
REORDER_WAIT = 5.0


@dataclass(frozen=True)
class Fault:
    kind: str
    path: str = "/v1/events"  # matches when the request path starts with this
    method: str | None = None  # any method when None
    seconds: float = 0.0
    status: int = 503
    then: Callable[[], None] | None = None  # drop_reply: called once the ledger has answered

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}")


@dataclass
class Seen:
    """One request as the proxy saw it."""

    method: str
    path: str
    fault: str | None
    forwarded: int = 0  # how many times it reached the ledger
    statuses: list[int] = field(default_factory=list)


class _Request:
    def __init__(self, head: bytes, body: bytes) -> None:
        self.head = head
        self.body = body
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        self.method, target, _ = line.split(" ", 2)
        self.path = urlsplit(target).path

    def upstream_bytes(self) -> bytes:
        lines = self.head.split(b"\r\n")
        kept = [lines[0]] + [
            line
            for line in lines[1:]
            if line and not line.lower().startswith((b"connection:", b"keep-alive:"))
        ]
        kept.append(b"Connection: close")
        return b"\r\n".join(kept) + b"\r\n\r\n" + self.body


def _read_request(conn: socket.socket, buffer: bytearray) -> _Request | None:
    """One request off a keep-alive connection; None when the client closed it."""
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > MAX_HEAD:
            return None
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer.extend(chunk)
    end = buffer.index(b"\r\n\r\n")
    head = bytes(buffer[:end])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    del buffer[: end + 4]
    while len(buffer) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer.extend(chunk)
    body = bytes(buffer[:length])
    del buffer[:length]
    return _Request(head, body)


def _reset(conn: socket.socket) -> None:
    """Close with RST rather than FIN: the client sees 'connection reset by peer'."""
    with contextlib.suppress(OSError):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _error_reply(status: int) -> bytes:
    body = b'{"detail": "injected by the fault proxy"}'
    return (
        f"HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def _status_of(reply: bytes) -> int:
    try:
        return int(reply.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


class FaultProxy:
    """Start with ``FaultProxy(upstream_url)``; point a LedgerClient at ``proxy.url``."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self._lock = threading.Lock()
        self._script: deque[Fault] = deque()
        self.seen: list[Seen] = []
        self.forwarded = threading.Event()  # set each time a request reaches the ledger
        self._reorder_waiting: threading.Event | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closing = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)
        self._accept.start()

    # ---------------------------------------------------------------- control
    @property
    def upstream(self) -> str:
        return self._upstream

    @upstream.setter
    def upstream(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the fault proxy forwards to loopback only")
        self._upstream = url
        self._target = (parts.hostname or "127.0.0.1", parts.port or 80)

    def script(self, *faults: Fault) -> None:
        with self._lock:
            self._script.extend(faults)

    def pending_faults(self) -> int:
        with self._lock:
            return len(self._script)

    def faults_applied(self) -> list[str]:
        with self._lock:
            return [s.fault for s in self.seen if s.fault is not None]

    def settle(self, timeout: float = 30.0) -> None:
        """Wait until every request the proxy took has been answered (a delayed request may
        still reach the ledger after the client gave up on it)."""
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        assert not any(t.is_alive() for t in self._threads), "the proxy is still busy"

    def close(self) -> None:
        self._closing.set()
        self._accept.join(5)
        self._listener.close()
        for thread in list(self._threads):
            thread.join(5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---------------------------------------------------------------- serving
    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._client, args=(conn,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def _take(self, request: _Request) -> Fault | None:
        with self._lock:
            for fault in self._script:
                if request.path.startswith(fault.path) and fault.method in (
                    None,
                    request.method,
                ):
                    self._script.remove(fault)
                    return fault
        return None

    def _forward(self, request: _Request, seen: Seen, *, slow: bool = False) -> bytes:
        with socket.create_connection(self._target, timeout=IO_TIMEOUT) as upstream:
            data = request.upstream_bytes()
            if slow:
                step = max(1, len(data) // 20)
                for start in range(0, len(data), step):
                    upstream.sendall(data[start : start + step])
                    time.sleep(0.02)
            else:
                upstream.sendall(data)
            with self._lock:
                seen.forwarded += 1
            self.forwarded.set()
            chunks = []
            while True:
                try:
                    chunk = upstream.recv(65536)
                except ConnectionError:
                    break  # the ledger died mid-reply: what came so far is all there is
                if not chunk:
                    break
                chunks.append(chunk)
        reply = b"".join(chunks)
        with self._lock:
            seen.statuses.append(_status_of(reply))
        return reply

    def _client(self, conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        buffer = bytearray()
        try:
            while not self._closing.is_set():
                request = _read_request(conn, buffer)
                if request is None:
                    conn.close()
                    return
                if not self._handle(conn, request):
                    return
        except OSError:
            conn.close()

    def _handle(self, conn: socket.socket, request: _Request) -> bool:
        """Answer one request; False when the client's connection is finished."""
        fault = self._take(request)
        seen = Seen(request.method, request.path, fault.kind if fault else None)
        with self._lock:
            self.seen.append(seen)
        kind = fault.kind if fault else None
        if kind == "drop_request":
            conn.close()
            return False
        if kind == "reset":
            _reset(conn)
            return False
        if kind == "error_before":
            assert fault is not None
            conn.sendall(_error_reply(fault.status))
            conn.close()
            return False
        if kind == "delay":
            assert fault is not None
            time.sleep(fault.seconds)
        if kind == "reorder":
            waiting = threading.Event()
            with self._lock:
                self._reorder_waiting = waiting
            waiting.wait(REORDER_WAIT)  # until the next matching request was answered
        try:
            reply = self._forward(request, seen, slow=kind == "slow_request")
            if kind == "duplicate":
                reply = self._forward(request, seen)
        except OSError:
            _reset(conn)  # the ledger is not there: the client sees a broken connection
            return False
        finally:
            self._release_reorder(kind)
        if not reply:
            _reset(conn)
            return False
        try:
            self._reply(conn, reply, fault)
        except OSError:
            conn.close()
            return False
        conn.close()
        return False

    def _release_reorder(self, kind: str | None) -> None:
        if kind == "reorder":
            return
        with self._lock:
            waiting, self._reorder_waiting = self._reorder_waiting, None
        if waiting is not None:
            waiting.set()

    def _reply(self, conn: socket.socket, reply: bytes, fault: Fault | None) -> None:
        kind = fault.kind if fault else None
        head, _, body = reply.partition(b"\r\n\r\n")
        if kind == "drop_reply":
            if fault is not None and fault.then is not None:
                fault.then()
            _reset(conn)
        elif kind == "error_after":
            assert fault is not None
            conn.sendall(_error_reply(fault.status))
        elif kind == "truncate":
            conn.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
        elif kind == "garble":
            conn.sendall(head + b"\r\n\r\n" + bytes(255 - b for b in body))
        elif kind == "slow":
            data = reply
            step = max(1, len(data) // 20)
            for start in range(0, len(data), step):
                conn.sendall(data[start : start + step])
                time.sleep(0.01)
        else:
            conn.sendall(reply)
