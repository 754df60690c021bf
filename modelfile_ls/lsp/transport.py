"""Serving: over stdio with the event loop's own pipe reader, or over TCP.

pygls reads stdin on a worker thread, three thread hand-offs per message (the header, the
blank line, the body); on POSIX the loop can watch the pipe itself, which takes a few tenths
of a millisecond and a source of jitter off every keystroke. On Windows, or when stdin is not
a pipe or socket (a file, /dev/null, a terminal), pygls' own reader is used.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import sys
import threading

from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer

logger = logging.getLogger(__name__)


def start_stdio(server: LanguageServer) -> None:
    """Serve one client on stdin/stdout until it sends `exit` (the exit code says whether
    `shutdown` came first, as the LSP asks) or closes the pipe."""
    if _stdin_is_pipe():
        asyncio.run(_serve(server))
    else:
        server.start_io()


def _stdin_is_pipe() -> bool:
    """True for a pipe or socket on POSIX (what editors give a server): the loop can poll it."""
    if sys.platform == "win32":
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


async def _serve(server: LanguageServer) -> None:
    loop = asyncio.get_running_loop()
    # Large enough for any one header line; bodies are read by length, not by this limit.
    reader = asyncio.StreamReader(limit=1 << 20)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin.buffer)
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    await _read_messages(server, reader)


async def _read_messages(server: LanguageServer, reader: asyncio.StreamReader) -> None:
    """Hand each message `reader` delivers to the server until the stream ends."""
    await run_async(
        stop_event=threading.Event(),
        reader=reader,
        protocol=server.protocol,
        logger=logger,
        error_handler=server.report_server_error,
    )


def start_tcp(server: LanguageServer, host: str, port: int) -> None:
    """Serve the first client that connects to `host:port` (port 0: any free port), until it
    disconnects. Prints `modelfile-ls: listening on HOST:PORT` on stderr once it listens, so
    whoever started it knows where (and when) to connect."""
    asyncio.run(_serve_tcp(server, host, port))


async def _serve_tcp(server: LanguageServer, host: str, port: int) -> None:
    finished = asyncio.Event()
    claimed = False

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal claimed
        if claimed:
            writer.close()  # one client per server, as over stdio
            return
        claimed = True
        listener.close()
        server.protocol.set_writer(writer)
        try:
            await _read_messages(server, reader)
        finally:
            writer.close()
            finished.set()

    listener = await asyncio.start_server(connection, host, port)
    address = listener.sockets[0].getsockname()
    print(f"modelfile-ls: listening on {address[0]}:{address[1]}", file=sys.stderr, flush=True)
    await finished.wait()
