"""Benchmarks of the dashboard: page cost, national scale, map payload, a room at once (`python -m benchmarks`).

Not part of the test run (pytest collects only tests/); results and how to read them: docs/performance.md.
"""
