"""The self-contained HTML report (``vacaturelint report``): see html.py for the
page, batch.py for chunked and parallel linting of large folders."""
