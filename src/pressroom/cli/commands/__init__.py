"""One module a command, imported when its command runs (``cli.app._Commands``): a
command's start pays for its own imports only, ``pressroom --help`` for none of them.

``COMMANDS`` is the order of ``pressroom --help`` and what it says of each command: the
first paragraph of the command's own help (tests/test_cli.py checks that they agree).
"""

COMMANDS = {
    "init": "Start a workspace: a commented pressroom.yaml, example releases, the folders.",
    "build": "Build the digest and post drafts of every week in seeds/ into outbox/<YYYY-Www>/.",
    "check": "Check built digests: email limits, links, and SpamAssassin's score as sent now.",
    "fetch": "Fetch press releases from their website into seeds/<id>.md, one file a release.",
    "ingest": "Print the releases pressroom understood from FILES, to check the parser's reading.",
    "posts": "Print or export a week's social post drafts, for review or a scheduling tool.",
    "preview": "Build, serve the outbox with a page per week, and rebuild when a file changes.",
    "send": "Send a built week's digest.eml as a test email.",
    "week": "Show a week's releases, its lead, order and exclusions, and its week file.",
}
