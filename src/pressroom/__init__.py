"""pressroom: press releases in, an email digest and social post drafts out."""

__version__ = "0.1.0"
"""The one place the version is written (pyproject.toml reads it from here)."""
