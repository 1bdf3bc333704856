"""One module a command; importing this package registers them on ``cli.app.app``.

The order here is the order of ``pressroom --help``.
"""

from pressroom.cli.commands import build, check, fetch, ingest, posts, preview, send, week

__all__ = ["build", "check", "fetch", "ingest", "posts", "preview", "send", "week"]
