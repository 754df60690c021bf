-- Buffer-local user commands that run the server's commands (workspace/executeCommand).
-- Every command takes at most one argument, an object with named fields.
local vocabulary = require('modelfile.vocabulary')
local ids = vocabulary.commands

local M = {}

--- The last answer to each command id ({ err = ..., result = ... }), for scripts and tests.
M.last = {}

local function summary_of(result)
  if type(result) ~= 'table' then
    return nil
  end
  local text = result.message or result.summary
  return type(text) == 'string' and text or nil
end

local function report(command, title, on_result)
  return function(err, result)
    M.last[command] = { err = err, result = result }
    -- The element commands answer a failure as { error = message } (the server has shown it
    -- with window/showMessage) and a dismissed question as { cancelled = true }; a prompt
    -- preview that does not render carries its error as the `text` it shows.
    local failure = type(result) == 'table' and result.text == nil and type(result.error) == 'string'
      and result.error
      or nil
    if err then
      vim.notify(('%s failed: %s'):format(title, err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif failure then
      vim.notify(('%s failed: %s'):format(title, failure), vim.log.levels.ERROR)
    elseif type(result) == 'table' and result.cancelled == true then
      vim.notify(title .. ' cancelled', vim.log.levels.INFO)
    else
      local summary = summary_of(result)
      vim.notify(title .. ' done' .. (summary and (': ' .. summary) or ''), vim.log.levels.INFO)
      if on_result then
        on_result(result)
      end
    end
    vim.api.nvim_exec_autocmds('User', {
      pattern = 'ModelfileCommandDone',
      modeline = false,
      data = { command = command, err = err, result = result },
    })
  end
end

local function run(client, bufnr, command, title, argument, on_result)
  client:exec_cmd(
    { title = title, command = command, arguments = argument and { argument } or nil },
    { bufnr = bufnr },
    report(command, title, on_result)
  )
end

--- The LSP range of a command's line range (whole lines: the server takes the instructions
--- the range touches), or nil without one.
function M.line_range(opts)
  if opts.range == 0 then
    return nil
  end
  -- The start of the line after the last: the server clamps a position past the end.
  return { start = { line = opts.line1 - 1, character = 0 }, ['end'] = { line = opts.line2, character = 0 } }
end

local function optional(text)
  local trimmed = vim.trim(text or '')
  return trimmed ~= '' and trimmed or nil
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
    run(client, bufnr, ids.create, 'Create model', { uri = uri, name = optional(opts.args) })
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
  M.attach_elements(client, bufnr, command)
end

--- The prompt preview, element and draft commands (what the server asks for that is not
--- given, a name, tags, a base model, comes as window/showMessageRequest: vim.ui.select).
function M.attach_elements(client, bufnr, command)
  local uri = vim.uri_from_bufnr(bufnr)
  command('ModelfilePreviewPrompt', function()
    run(client, bufnr, ids.preview_prompt, 'Preview prompt', { uri = uri, show = false }, function(result)
      require('modelfile.preview').show(result)
    end)
  end, { nargs = 0, desc = 'Show the prompt this Modelfile renders, following edits' })
  command('ModelfileSaveElement', function(opts)
    -- [name [tag ...]]: without tags the server offers some; without a name it suggests names.
    local name, tags = opts.fargs[1], vim.list_slice(opts.fargs, 2)
    run(client, bufnr, ids.save_element, 'Save element', {
      uri = uri,
      range = M.line_range(opts),
      name = name,
      tags = #tags > 0 and tags or nil,
    })
  end, { nargs = '*', range = true, desc = 'Save the selected instructions as a registry element' })
  command('ModelfilePreviewElements', function(opts)
    run(client, bufnr, ids.preview_elements, 'Preview elements', { uri = uri, range = M.line_range(opts) })
  end, { nargs = 0, range = true, desc = 'Show what saving this Modelfile as elements would store' })
  command('ModelfileNewFromElements', function(opts)
    -- [base [element ...]]: what is not given the server asks for.
    local base, elements = opts.fargs[1], vim.list_slice(opts.fargs, 2)
    run(client, bufnr, ids.new_from_elements, 'New Modelfile from elements', {
      base = base,
      elements = #elements > 0 and elements or nil,
    })
  end, { nargs = '*', desc = 'Compose a new Modelfile from a base model and stored elements' })
  command('ModelfileSaveDraft', function(opts)
    run(client, bufnr, ids.save_draft, 'Save draft', { uri = uri, name = optional(opts.args) })
  end, { nargs = '?', desc = "Keep this buffer's text as a named draft in the registry" })
  command('ModelfileOpenDraft', function(opts)
    run(client, bufnr, ids.open_draft, 'Open draft', { name = optional(opts.args) })
  end, { nargs = '?', desc = 'Open a draft as a new Modelfile' })
end

return M
