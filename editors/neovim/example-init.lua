-- Minimal Neovim config for vacaturelint. Works on Neovim 0.7 and newer.
--
--   nvim -u editors/neovim/example-init.lua vacature.md
--   VACATURELINT_LSP_CMD="/path/to/venv/bin/python -m vacaturelint lsp" nvim --headless -u editors/neovim/example-init.lua vacature.md
--
-- Copy the relevant lines into your own init.lua, with the runtimepath pointing at your
-- checkout's editors/neovim folder.

-- This file's folder (editors/neovim), independent of the current directory.
local source = debug.getinfo(1, 'S').source
local here = vim.fn.fnamemodify(source:sub(1, 1) == '@' and source:sub(2) or source, ':p:h')
vim.opt.runtimepath:prepend(here)

vim.diagnostic.config({ virtual_text = true, severity_sort = true })

require('vacaturelint').setup({
  -- cmd = { vim.fn.expand('~/.venvs/vacature/bin/python'), '-m', 'vacaturelint', 'lsp' },
  init_options = {
    -- model = 'nl_core_news_sm',   -- or a local model path
    -- select = { 'leeftijd', 'geslacht' },
    -- ignore = { 'TAL003' },
    -- minSeverity = 'warning',
    -- config = '/pad/naar/.vacaturelint.yaml',
  },
})
