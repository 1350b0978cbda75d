"""A web server for this machine only, shared by `showcase watch` and `showcase edit`.

* Bound to 127.0.0.1 (port 0: a free one).
* A pool of `max_connections` threads serves requests, not one thread per connection:
  when every slot is busy a new connection is closed at once, so a local program
  opening thousands of connections cannot exhaust threads or memory.
* A client that hangs up or goes silent is ordinary, never a traceback.
* Each request is read within `REQUEST_SECONDS` of its first byte (`Deadline`), not
  only within an idle timeout per read: a client trickling a byte at a time held a slot
  for as long as it liked, and 16 of them locked everyone else out. A connection waits
  at most `KEEP_ALIVE_SECONDS` for a request to begin, so idle kept-alive connections
  free their slots (a browser reconnects).

Standard library only.
"""

from __future__ import annotations

import contextlib
import io
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import HTTPServer
from typing import Any, ClassVar

MAX_CONNECTIONS = 16  # requests served at once; more wait in the listen backlog
BACKLOG = 64
REQUEST_SECONDS = 30.0  # the most a request (its line, headers and body) may take to arrive
KEEP_ALIVE_SECONDS = 5.0  # the most a connection waits for a request to begin


class _DeadlineSocket(io.RawIOBase):
    """A socket read with an idle timeout per read and a deadline for the whole request."""

    def __init__(self, connection: socket.socket, handler: Deadline) -> None:
        self._connection = connection
        self._handler = handler

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        handler, idle = self._handler, self._handler.timeout
        if handler.request_deadline is None:  # waiting for a request's first byte
            wait = KEEP_ALIVE_SECONDS if idle is None else min(idle, KEEP_ALIVE_SECONDS)
            self._connection.settimeout(wait)
            received = self._connection.recv_into(buffer)
            handler.request_deadline = time.monotonic() + handler.request_seconds
            return received
        left = handler.request_deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request took too long to arrive")
        self._connection.settimeout(left if idle is None else min(idle, left))
        return self._connection.recv_into(buffer)


class Deadline:
    """A mixin for a `StreamRequestHandler`: each request on the connection must arrive
    whole within `request_seconds` from its first byte (the idle `timeout` still bounds
    each read), and a connection waits at most `KEEP_ALIVE_SECONDS` for a request's first
    byte: a browser's idle kept-alive connections held the 16 slots for the whole idle
    timeout, and their idle time counted against their next request (QA round 2)."""

    request_seconds: float = REQUEST_SECONDS
    request_deadline: float | None = None
    timeout: ClassVar[float | None]
    connection: socket.socket
    rfile: io.BufferedIOBase

    def setup(self) -> None:
        super().setup()  # type: ignore[misc]
        self.request_deadline = None
        self.rfile.close()  # the socket's own file; the socket stays open
        self.rfile = io.BufferedReader(_DeadlineSocket(self.connection, self))

    def handle_one_request(self) -> None:
        self.request_deadline = None  # set when its first byte arrives
        super().handle_one_request()  # type: ignore[misc]


class LocalServer(HTTPServer):
    """An HTTP server on 127.0.0.1 that serves on a bounded pool of threads."""

    request_queue_size = BACKLOG

    def __init__(
        self,
        handler: Callable[..., Any],
        *,
        port: int = 0,
        max_connections: int = MAX_CONNECTIONS,
        name: str = "showcase-server",
    ) -> None:
        self._slots = threading.BoundedSemaphore(max_connections)
        self._pool = ThreadPoolExecutor(max_connections, thread_name_prefix=name)
        self._thread: threading.Thread | None = None
        super().__init__(("127.0.0.1", port), handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the request on the pool; when every slot is busy, close it at once."""
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return

        def serve() -> None:
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)
                self._slots.release()

        try:
            self._pool.submit(serve)
        except RuntimeError:  # the pool is shut down: the server is stopping
            self._slots.release()
            self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up or went silent is ordinary; anything else is reported."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.suppress(OSError):
            self.server_close()
