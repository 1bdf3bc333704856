"""Compose: the editorial choices, as data. A week composed once (``week.compose_week``),
which quote a release features, the digest's stories and lead, each platform's post
draft fitted to its limit. Pure functions over the record model; templates reach them
only through ``posts.PostTemplates``."""
