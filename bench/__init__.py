"""Benchmarks and measurements (not part of the installed package)."""
