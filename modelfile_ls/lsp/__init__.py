"""The language server (pygls). Only this package imports pygls and lsprotocol."""

from __future__ import annotations


def serve_stdio() -> None:
    """Serve one client over standard input and output until it exits."""
    # pygls and lsprotocol stay off the `--check` path (bench/lazy_imports.py).
    from modelfile_ls.lsp.server import create_server
    from modelfile_ls.lsp.transport import start_stdio

    start_stdio(create_server())


def serve_tcp(host: str, port: int) -> None:
    """Serve a client connecting over TCP at `host:port`."""
    # pygls and lsprotocol stay off the `--check` path (bench/lazy_imports.py).
    from modelfile_ls.lsp.server import create_server
    from modelfile_ls.lsp.transport import start_tcp

    start_tcp(create_server(), host, port)
