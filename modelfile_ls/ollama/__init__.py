"""Talking to an Ollama server over its HTTP API (no protocol or editor concerns here).

`client` holds the HTTP client (it imports httpx); `params` reads Ollama's text formats and
is cheap to import, so this package re-exports nothing.
"""
