"""Releases from where they are published: feeds and pages in, ``seeds/<id>.md`` out
(``run.fetch``)."""
