-- Drives the real Neovim as a user would, for tests/editors/test_neovim.py: only
-- editors/neovim is on 'runtimepath' (plus the directory its parser is installed in).
-- Reads its job from $MODELFILE_E2E (JSON), writes what it saw to job.out (JSON), quits.
local job = vim.json.decode(vim.env.MODELFILE_E2E)
local seen = { errors = {} }
local TIMEOUT = 30000

local function wait(what, condition)
  if not vim.wait(TIMEOUT, condition, 20) then
    error('timed out waiting for ' .. what)
  end
end

local function client()
  return vim.lsp.get_clients({ bufnr = 0, name = 'modelfile_ls' })[1]
end

local steps = {}

function steps.build()
  seen.build = { require('modelfile.parser').build() }
end

if job.cmd then
  vim.lsp.config('modelfile_ls', {
    cmd = job.cmd,
    cmd_env = job.env,
    settings = { modelfile = job.settings },
  })
end

function steps.open()
  vim.cmd.edit(vim.fn.fnameescape(job.file))
  seen.filetype = vim.bo.filetype
  wait('the server to attach', function()
    return client() ~= nil and client().initialized
  end)
  local commands = vim.tbl_keys(vim.api.nvim_buf_get_commands(0, {}))
  table.sort(commands)
  seen.buffer_commands = commands
end

function steps.diagnostics()
  wait('diagnostics', function()
    return #vim.diagnostic.get(0) > 0
  end)
  seen.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(seen.diagnostics, { code = d.code, line = d.lnum, severity = d.severity, message = d.message })
  end
end

function steps.highlight()
  seen.highlighter = vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()] ~= nil
  seen.captures = {}
  for _, position in ipairs(job.captures_at or {}) do
    local names = {}
    for _, capture in ipairs(vim.treesitter.get_captures_at_pos(0, position[1], position[2])) do
      table.insert(names, capture.capture)
    end
    table.insert(seen.captures, names)
  end
end

function steps.completion()
  local line = vim.api.nvim_buf_line_count(0)
  vim.api.nvim_buf_set_lines(0, line, line, false, { 'PARAMETER tem' })
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = line, character = #'PARAMETER tem' },
  }
  -- A real buffer number: Client:request flushes pending didChange for that buffer only
  -- (given 0 it flushes nothing, as of Neovim 0.12-dev).
  local response = client():request_sync('textDocument/completion', params, TIMEOUT, vim.api.nvim_get_current_buf())
  local result = response and response.result or {}
  seen.completion = {}
  for _, item in ipairs(result.items or result) do
    table.insert(seen.completion, item.label)
  end
  vim.api.nvim_buf_set_lines(0, line, line + 1, false, {})
end

function steps.create()
  local commands = require('modelfile.commands')
  vim.cmd('ModelfileCreate ' .. job.model_name)
  wait('the create command to answer', function()
    return commands.last['modelfile-ls.create'] ~= nil
  end)
  seen.create = commands.last['modelfile-ls.create']
  seen.progress = require('modelfile.progress').history
  seen.ollama_status = require('modelfile.status').current()
end

function steps.cancel_pull()
  local commands = require('modelfile.commands')
  local progress = require('modelfile.progress')
  vim.cmd('ModelfilePull')
  wait('the pull to report progress', function()
    return vim.iter(progress.history):any(function(entry)
      return entry.kind == 'report'
    end)
  end)
  vim.cmd('ModelfileCancel')
  wait('the pull command to answer', function()
    return commands.last['modelfile-ls.pull'] ~= nil
  end)
  seen.pull = commands.last['modelfile-ls.pull']
  seen.progress = progress.history
end

-- The server's questions (window/showMessageRequest) go to vim.ui.select: answered here with
-- job.picks in order, as a user picks; each question is kept in seen.asked.
seen.asked = {}
function vim.ui.select(items, opts, on_choice)
  local wanted = table.remove(job.picks or {}, 1)
  table.insert(seen.asked, { prompt = opts.prompt, choices = vim.tbl_map(opts.format_item or tostring, items) })
  on_choice(vim.iter(items):find(function(item)
    return item.title == wanted
  end))
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

-- job.commands: { ex = 'an Ex command', id = 'the server command it runs' }, in order; each
-- answer is kept with the current buffer's name and text after it (a command may open one).
function steps.commands()
  local commands = require('modelfile.commands')
  local source = vim.api.nvim_get_current_buf()
  seen.answers = {}
  for _, entry in ipairs(job.commands) do
    vim.api.nvim_set_current_buf(source)
    commands.last[entry.id] = nil
    vim.cmd(entry.ex)
    wait(entry.ex .. ' to answer', function()
      return commands.last[entry.id] ~= nil
    end)
    table.insert(seen.answers, {
      answer = commands.last[entry.id],
      buffer = vim.api.nvim_buf_get_name(0),
      text = buffer_text(0),
    })
  end
end

-- :ModelfilePreviewPrompt, then job.edit (a line, 0-based, and its new text) in the Modelfile:
-- the preview buffer's text before and after the server's notification.
function steps.preview_prompt()
  local commands = require('modelfile.commands')
  local previews = require('modelfile.preview')
  local source = vim.api.nvim_get_current_buf()
  vim.cmd('ModelfilePreviewPrompt')
  wait('the preview to answer', function()
    return commands.last['modelfile-ls.previewPrompt'] ~= nil
  end)
  seen.preview_answer = commands.last['modelfile-ls.previewPrompt']
  local bufnr = previews.buffers[vim.uri_from_bufnr(source)]
  seen.preview = {
    name = vim.api.nvim_buf_get_name(bufnr),
    shown = vim.fn.bufwinid(bufnr) ~= -1,
    current = vim.api.nvim_get_current_buf() == source,
    before = buffer_text(bufnr),
  }
  local before = seen.preview.before
  vim.api.nvim_buf_set_lines(source, job.edit[1], job.edit[1] + 1, false, { job.edit[2] })
  wait('the preview to follow the edit', function()
    return buffer_text(bufnr) ~= before
  end)
  seen.preview.after = buffer_text(bufnr)
  seen.preview.version = vim.b[bufnr].modelfile_preview.version
  seen.preview.source_version = vim.lsp.util.buf_versions[source]
end

function steps.health()
  vim.cmd('checkhealth modelfile')
  seen.health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('bwipeout!')
end

function steps.help()
  vim.cmd('helptags ' .. vim.fn.fnameescape(job.plugin .. '/doc'))
  vim.cmd('help modelfile')
  seen.help = { file = vim.fn.expand('%:t'), line = vim.api.nvim_get_current_line() }
  vim.cmd('helpclose')
end

function steps.filetypes()
  seen.filetypes = {}
  for _, name in ipairs(job.names) do
    seen.filetypes[name] = vim.filetype.match({ filename = name }) or ''
  end
end

for _, name in ipairs(job.steps) do
  local ok, err = xpcall(steps[name], debug.traceback)
  if not ok then
    table.insert(seen.errors, name .. ': ' .. tostring(err))
    break
  end
end

local out = assert(io.open(job.out, 'w'))
out:write(vim.json.encode(seen))
out:close()
vim.cmd('qall!')
