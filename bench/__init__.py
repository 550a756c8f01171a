"""Medido's benchmarks: `uv run python -m bench` runs them all, prints a table, writes JSON.

Every figure that has a baseline is a ratio against it, measured in the same run, interleaved
(A B A B …) and reduced to medians, because these machines are shared and noisy. See
docs/PERFORMANCE.md for the rows, their targets and the latest figures.
"""
