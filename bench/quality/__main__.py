"""``python -m bench.quality``: precision and recall against the gold labels (measure.py)."""

import sys

from bench.quality.measure import main

sys.exit(main())
