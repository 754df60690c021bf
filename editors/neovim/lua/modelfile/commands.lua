-- Buffer-local user commands that run the server's commands (workspace/executeCommand).
-- Every command takes at most one argument, an object with named fields.
local vocabulary = require('modelfile.vocabulary')
local ids = vocabulary.commands

local M = {}

--- The last answer to each command id ({ err = ..., result = ... }), for scripts and tests.
M.last = {}

local function report(command, title)
  return function(err, result)
    M.last[command] = { err = err, result = result }
    if err then
      vim.notify(('%s failed: %s'):format(title, err.message or vim.inspect(err)), vim.log.levels.ERROR)
    else
      local summary = type(result) == 'table' and (result.message or result.summary) or nil
      vim.notify(title .. ' done' .. (type(summary) == 'string' and (': ' .. summary) or ''), vim.log.levels.INFO)
    end
    vim.api.nvim_exec_autocmds('User', {
      pattern = 'ModelfileCommandDone',
      modeline = false,
      data = { command = command, err = err, result = result },
    })
  end
end

local function run(client, bufnr, command, title, argument)
  client:exec_cmd(
    { title = title, command = command, arguments = argument and { argument } or nil },
    { bufnr = bufnr },
    report(command, title)
  )
end

--- Names of the installed models (for :ModelfileExtract completion), asked synchronously.
function M.installed_models(client, bufnr)
  local response = client:request_sync(
    'workspace/executeCommand',
    { command = ids.list_models, arguments = {} },
    3000,
    bufnr
  )
  local result = response and response.result
  local list = type(result) == 'table' and (result.models or result) or {}
  local names = {}
  for _, entry in ipairs(list) do
    local name = type(entry) == 'string' and entry or (type(entry) == 'table' and (entry.name or entry.model))
    if type(name) == 'string' then
      table.insert(names, name)
    end
  end
  return names
end

--- Cancels the server's cancellable progress (a create or a pull) for this client.
function M.cancel(client)
  local cancelled = 0
  for token in pairs(client.progress.pending) do
    client:notify('window/workDoneProgress/cancel', { token = token })
    cancelled = cancelled + 1
  end
  if cancelled == 0 then
    vim.notify('modelfile-ls: nothing to cancel', vim.log.levels.INFO)
  end
end

function M.attach(client, bufnr)
  local uri = vim.uri_from_bufnr(bufnr)
  local function command(name, fn, options)
    vim.api.nvim_buf_create_user_command(bufnr, name, fn, options)
  end
  command('ModelfileCreate', function(opts)
    -- Without a name the server takes it from the file name (or asks).
    local name = vim.trim(opts.args)
    run(client, bufnr, ids.create, 'Create model', { uri = uri, name = name ~= '' and name or nil })
  end, { nargs = '?', desc = 'Create a model in Ollama from this Modelfile' })
  command('ModelfilePull', function()
    run(client, bufnr, ids.pull, 'Pull base model', { uri = uri })
  end, { nargs = 0, desc = "Pull this Modelfile's FROM model" })
  command('ModelfileExtract', function(opts)
    run(client, bufnr, ids.extract, 'Extract Modelfile', { model = opts.args })
  end, {
    nargs = 1,
    desc = "Open an installed model's Modelfile",
    complete = function(lead)
      return vim.tbl_filter(function(name)
        return vim.startswith(name, lead)
      end, M.installed_models(client, bufnr))
    end,
  })
  command('ModelfileSync', function()
    run(client, bufnr, ids.refresh_registry, 'Sync registry', nil)
  end, { nargs = 0, desc = 'Refresh the registry from Ollama' })
  command('ModelfileCancel', function()
    M.cancel(client)
  end, { nargs = 0, desc = 'Cancel a running create or pull' })
end

return M
