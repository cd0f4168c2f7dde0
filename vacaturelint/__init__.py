"""vacaturelint: finds excluding wording in Dutch vacancy texts."""

__version__ = "0.1.0"
