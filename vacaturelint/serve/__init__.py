"""``vacaturelint serve``: a small local web page and HTTP API on the same engine.

Modules, one job each:

- ``command``: the click command (host/token rules, binding, running uvicorn);
- ``worker``: the one loaded pipeline behind a bounded single-thread pool;
- ``validate``: checking a ``POST /api/lint`` body;
- ``app``: the Starlette routes, token check, errors and security headers;
- ``page``: the page's HTML, CSS and script (``static/``).

Starlette and uvicorn come with the optional extra ``vacaturelint[serve]``; only
``command`` is imported without them.
"""
