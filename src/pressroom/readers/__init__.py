"""Readers: release files in, releases and located problems out (``files.read_files``)."""
