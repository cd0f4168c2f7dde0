-- vacaturelint for Neovim 0.11+ (vim.lsp.config style).
--
-- Put this file in a 'runtimepath' lsp/ folder (e.g. ~/.config/nvim/lsp/vacaturelint.lua, or add
-- editors/neovim to 'runtimepath') and enable it:
--
--   vim.lsp.enable('vacaturelint')
--
-- Override options without editing this file (keep init_options and settings in step: the server
-- reads initializationOptions at start and re-reads settings.vacaturelint through
-- workspace/configuration):
--
--   local opts = { model = 'nl_core_news_md', minSeverity = 'warning' }
--   vim.lsp.config('vacaturelint', {
--     cmd = { vim.fn.expand('~/.venvs/vacature/bin/python'), '-m', 'vacaturelint', 'lsp' },
--     init_options = opts,
--     settings = { vacaturelint = opts },
--   })
--
-- $VACATURELINT_LSP_CMD (space-separated), when set, replaces the default cmd.

local function cmd()
  local raw = os.getenv('VACATURELINT_LSP_CMD')
  if raw ~= nil and not raw:match('^%s*$') then
    local parts = {}
    for word in raw:gmatch('%S+') do
      table.insert(parts, word)
    end
    return parts
  end
  return { 'vacaturelint', 'lsp' }
end

-- Flat settings object; vim.NIL is sent as JSON null, {} as an empty JSON array.
local function options()
  return {
    model = vim.NIL,
    select = {},
    ignore = {},
    minSeverity = vim.NIL, -- 'info' | 'warning' | 'error'
    config = vim.NIL, -- path to a .vacaturelint.yaml
  }
end

return {
  cmd = cmd(),
  filetypes = { 'markdown', 'text', 'html' },
  root_markers = { '.vacaturelint.yaml', '.vacaturelint.yml', 'pyproject.toml', '.git' },
  init_options = options(),
  settings = { vacaturelint = options() },
}
