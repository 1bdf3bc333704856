"""pressroom: press releases in, an email digest and social post drafts out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pressroom")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
