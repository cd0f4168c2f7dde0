"""Gold labels and the quality measurement: ``python -m bench.quality`` (README.md here)."""
