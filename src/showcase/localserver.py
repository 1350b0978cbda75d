"""A web server for this machine only, shared by `showcase watch` and `showcase edit`.

* Bound to 127.0.0.1 (port 0: a free one).
* A pool of `max_connections` threads serves requests, not one thread per connection:
  when every slot is busy a new connection is closed at once, so a local program
  opening thousands of connections cannot exhaust threads or memory.
* A client that hangs up or goes silent is ordinary, never a traceback.

Standard library only.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import HTTPServer
from typing import Any

MAX_CONNECTIONS = 16  # requests served at once; more wait in the listen backlog
BACKLOG = 64


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
