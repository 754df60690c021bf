"""Where Ollama is: the base URL Ollama's own Go client derives from an `OLLAMA_HOST`-style
value (shared spec ollama-api.md §1), so `localhost:11500`, `0.0.0.0` or
`https://example.com/ollama` mean what they mean to `ollama`."""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit, urlunsplit

DEFAULT_HOST = "http://127.0.0.1:11434"


def _trim_quotes(value: str) -> str:
    # envconfig.Var: trim spaces, then quotes, then spaces again (a quoted env value is common
    # in service files).
    return value.strip().strip("\"'").strip()


def _split_host_port(hostport: str) -> tuple[str, str] | None:
    """Go's net.SplitHostPort: None when there is no port or the text is ambiguous."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0 or not hostport[end + 1 :].startswith(":"):
            return None
        return hostport[1:end], hostport[end + 2 :]
    if hostport.count(":") != 1:
        return None
    host, _, port = hostport.partition(":")
    return host, port


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _join_host_port(host: str, port: str) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def parse_host(value: str | None) -> str:
    """The base URL Ollama's Go client derives from an `OLLAMA_HOST`-style value."""
    text = _trim_quotes(value or "")
    default_port = "11434"
    scheme, sep, hostport = text.partition("://")
    if not sep:
        scheme, hostport = "http", text
        if text == "ollama.com":
            scheme, hostport = "https", "ollama.com:443"
    elif scheme == "http":
        default_port = "80"
    elif scheme == "https":
        default_port = "443"
    hostport, _, path = hostport.partition("/")
    split = _split_host_port(hostport)
    if split is None:
        host, port = "127.0.0.1", default_port
        bare = hostport.strip("[]")
        if _is_ip(bare):
            host = str(ipaddress.ip_address(bare))
        elif hostport:
            host = hostport
    else:
        host, port = split
    if not (port.isdigit() and 0 <= int(port) <= 65535):
        port = default_port
    url = f"{scheme}://{_join_host_port(host, port)}"
    return f"{url}/{path}" if path else url


def connect_url(base_url: str) -> str:
    """Replace an unspecified listen address (`0.0.0.0`, `::`, empty) by loopback for dialling."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if host in ("", "0.0.0.0"):
        replacement = "127.0.0.1"
    elif host == "::":
        replacement = "[::1]"
    else:
        return base_url.rstrip("/")
    netloc = replacement if parts.port is None else f"{replacement}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)).rstrip("/")


def resolve_base_url(host: str | None = None) -> str:
    """The URL to dial: an explicit `--host`, else `OLLAMA_HOST`, else the default."""
    value = host if host is not None else os.environ.get("OLLAMA_HOST", "")
    return connect_url(parse_host(value))
