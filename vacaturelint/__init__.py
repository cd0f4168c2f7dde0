"""vacaturelint: finds excluding wording in Dutch vacancy texts."""

__version__ = "0.1.0"


def lint(text: str, kind: str = "plain", **options) -> list[dict]:
    """Findings in ``text`` as dicts, in the schema of ``vacaturelint check --format json``.

    ``kind``: ``plain``, ``markdown`` or ``html``; options: ``model``, ``select``,
    ``ignore``, ``min_severity``, ``config``, ``isolated`` (see :func:`vacaturelint.audit.api.lint`).
    """
    from vacaturelint.audit.api import lint as _lint  # the engine loads only when used

    return _lint(text, kind=kind, **options)
