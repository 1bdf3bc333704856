"""How a build reads and renders: every process, fork and garbage-collector device behind
one seam, ``runner.Runner`` (docs/performance.md says what each one buys).

``--jobs 1`` is the plain path: read and render in this process, one file and one week
after the other, no fork, the collector left alone. The output is the same bytes.
"""
