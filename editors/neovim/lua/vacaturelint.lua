-- vacaturelint for Neovim 0.7–0.10 (built-in LSP client).
--
-- Works on Neovim 0.7: uses vim.lsp.start_client() once and vim.lsp.buf_attach_client() from a
-- FileType autocmd; does not use vim.fs or vim.lsp.start (both 0.8+). On Neovim 0.11+ setup()
-- hands the same options to vim.lsp.config()/vim.lsp.enable() instead.
--
-- Usage (with editors/neovim on 'runtimepath'):
--   require('vacaturelint').setup({
--     cmd = { '/path/to/venv/bin/python', '-m', 'vacaturelint', 'lsp' },  -- optional
--     init_options = { model = 'nl_core_news_md', minSeverity = 'warning' },  -- optional
--   })
--
-- Command resolution: $VACATURELINT_LSP_CMD (space-separated, wins when set), else opts.cmd,
-- else { 'vacaturelint', 'lsp' }.

local M = {}

M.name = 'vacaturelint'

--- The flat settings object the server expects (initializationOptions and the answer to
--- workspace/configuration for section "vacaturelint"). vim.NIL is sent as JSON null; an empty
--- Lua table is sent as an empty JSON array.
local function default_init_options()
  return {
    model = vim.NIL,
    select = {},
    ignore = {},
    minSeverity = vim.NIL,
    config = vim.NIL,
  }
end

M.defaults = {
  cmd = { 'vacaturelint', 'lsp' },
  filetypes = { 'markdown', 'text', 'html' },
  root_markers = { '.vacaturelint.yaml', '.vacaturelint.yml', 'pyproject.toml', '.git' },
}

local state = {
  config = nil, -- resolved options from setup()
  client_id = nil, -- the single client shared by all buffers
}

--- Split $VACATURELINT_LSP_CMD on whitespace; nil when unset or empty.
function M.env_cmd()
  local raw = os.getenv('VACATURELINT_LSP_CMD')
  if raw == nil or raw:match('^%s*$') then
    return nil
  end
  local parts = {}
  for word in raw:gmatch('%S+') do
    table.insert(parts, word)
  end
  return parts
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify('vacaturelint: ' .. msg, level or vim.log.levels.ERROR)
  end)
end

--- Nearest directory (walking up from the buffer's directory) that contains one of the markers.
local function find_root(bufnr, markers)
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local start
  if fname ~= '' then
    start = vim.fn.fnamemodify(fname, ':p:h')
  else
    start = vim.fn.getcwd()
  end
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function client_capabilities()
  local caps = vim.lsp.protocol.make_client_capabilities()
  -- Neovim 0.7 answers workspace/configuration from config.settings but does not advertise it.
  caps.workspace = caps.workspace or {}
  caps.workspace.configuration = true
  caps.workspace.didChangeConfiguration = { dynamicRegistration = false }
  return caps
end

local function is_enabled_buffer(bufnr, cfg)
  if vim.api.nvim_buf_get_option(bufnr, 'buftype') ~= '' then
    return false -- help, hover/preview floats (filetype markdown), terminals, ...
  end
  local ft = vim.api.nvim_buf_get_option(bufnr, 'filetype')
  return vim.tbl_contains(cfg.filetypes, ft)
end

local function client_alive(id)
  if id == nil then
    return false
  end
  local client = vim.lsp.get_client_by_id(id)
  -- Call with the client as argument: a closure on 0.7, a method (client:is_stopped()) on 0.10+.
  return client ~= nil and not client.is_stopped(client)
end

local function start_client(bufnr)
  local cfg = state.config
  if vim.fn.executable(cfg.cmd[1]) ~= 1 then
    notify(
      string.format(
        "programma '%s' niet gevonden. Installeer de server (pip install vacaturelint) of stel cmd / VACATURELINT_LSP_CMD in.",
        cfg.cmd[1]
      )
    )
    return nil
  end
  local id = vim.lsp.start_client({
    name = M.name,
    cmd = cfg.cmd,
    cmd_env = cfg.cmd_env,
    root_dir = find_root(bufnr, cfg.root_markers),
    init_options = cfg.init_options,
    -- The default workspace/configuration handler answers section "vacaturelint" from here.
    settings = cfg.settings,
    capabilities = cfg.capabilities or client_capabilities(),
    on_init = function(client)
      -- Neovim 0.7 does not send the settings itself; the server re-reads them on this.
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      return true
    end,
    on_exit = function(code, signal)
      if code ~= 0 and signal == 0 then
        notify(
          string.format(
            'server gestopt met code %d (%s). Is vacaturelint geïnstalleerd? pip install vacaturelint; zie :LspLog',
            code,
            table.concat(cfg.cmd, ' ')
          )
        )
      end
    end,
    on_attach = cfg.on_attach,
    flags = cfg.flags,
  })
  return id
end

--- Attach the shared client to a buffer (starting it on first use).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cfg = state.config
  if cfg == nil or not is_enabled_buffer(bufnr, cfg) then
    return
  end
  if not client_alive(state.client_id) then
    state.client_id = start_client(bufnr)
    if state.client_id == nil then
      return
    end
  end
  vim.lsp.buf_attach_client(bufnr, state.client_id)
end

--- Stop the client and attach a fresh one to all matching buffers.
function M.restart()
  if state.client_id ~= nil then
    vim.lsp.stop_client(state.client_id)
    state.client_id = nil
  end
  vim.defer_fn(function()
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) then
        M.attach(bufnr)
      end
    end
  end, 500)
end

function M.client_id()
  return state.client_id
end

local function resolve(opts)
  opts = opts or {}
  local init_options = vim.tbl_deep_extend('force', default_init_options(), opts.init_options or {})
  local cfg = {
    cmd = M.env_cmd() or opts.cmd or M.defaults.cmd,
    cmd_env = opts.cmd_env,
    filetypes = opts.filetypes or M.defaults.filetypes,
    root_markers = opts.root_markers or M.defaults.root_markers,
    init_options = init_options,
    settings = opts.settings or { vacaturelint = init_options },
    capabilities = opts.capabilities,
    on_attach = opts.on_attach,
    flags = opts.flags,
  }
  if type(cfg.cmd) == 'string' then
    cfg.cmd = { cfg.cmd }
  end
  return cfg
end

--- opts: cmd (list), init_options (table, see default_init_options), settings, filetypes,
--- root_markers, cmd_env, capabilities, on_attach, flags.
--- Set opts.force_start_client = true to use the 0.7 code path on 0.11+ as well.
function M.setup(opts)
  opts = opts or {}
  local cfg = resolve(opts)
  state.config = cfg

  if vim.fn.has('nvim-0.11') == 1 and vim.lsp.config ~= nil and not opts.force_start_client then
    vim.lsp.config(M.name, {
      cmd = cfg.cmd,
      cmd_env = cfg.cmd_env,
      filetypes = cfg.filetypes,
      root_markers = cfg.root_markers,
      init_options = cfg.init_options,
      settings = cfg.settings,
      capabilities = cfg.capabilities,
      on_attach = cfg.on_attach,
      flags = cfg.flags,
    })
    vim.lsp.enable(M.name)
    return
  end

  local group = vim.api.nvim_create_augroup('vacaturelint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_user_command('VacaturelintRestart', function()
    M.restart()
  end, { desc = 'vacaturelint: server opnieuw starten' })

  -- Buffers that were already open when setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

return M
