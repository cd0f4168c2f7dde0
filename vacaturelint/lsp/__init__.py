"""``vacaturelint lsp``: the language server (stdio), a thin shell over the engine."""
