"""Text: the language-aware pieces every stage shares, pure functions of strings.

Dates as press offices write them, language detection, quotations and their speakers,
breaking and no-break spaces, and how long a post is on each platform.
"""
