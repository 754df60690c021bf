"""The registry dashboard's static files (HTML, one script, one stylesheet), served by
`registry serve` from the package itself so the page works without a network or a CDN."""

from __future__ import annotations

from importlib import resources

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""Only the page's own script and stylesheet run: no inline script or style, nothing from
elsewhere, so registry data that slipped into markup still could not execute."""

ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/assets/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/assets/style.css": ("style.css", "text/css; charset=utf-8"),
}
"""URL path -> (file in this package, Content-Type)."""


def asset(path: str) -> tuple[bytes, str] | None:
    """The bytes and Content-Type of the dashboard file served at `path`, if any."""
    entry = ASSETS.get(path)
    if entry is None:
        return None
    name, content_type = entry
    return resources.files(__package__).joinpath(name).read_bytes(), content_type
