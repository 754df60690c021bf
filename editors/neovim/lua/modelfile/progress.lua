-- Shows the server's $/progress (creates, pulls, registry syncs) from Neovim's LspProgress
-- event: one line in the message area while it runs, kept in :messages when it ends.
local M = {}

--- Every progress message shown, newest last (tests and scripts read it).
M.history = {}

local function format(value)
  local text = value.title or 'modelfile-ls'
  if value.message and value.message ~= '' then
    text = text .. ': ' .. value.message
  end
  if value.percentage then
    text = ('%s (%d%%)'):format(text, value.percentage)
  end
  return text
end

function M.show(event)
  local client = vim.lsp.get_client_by_id(event.data.client_id)
  local value = event.data.params.value
  if not client or client.name ~= 'modelfile_ls' or type(value) ~= 'table' then
    return
  end
  local text = format(value)
  table.insert(M.history, { kind = value.kind, text = text })
  local hint = value.cancellable and '  [:ModelfileCancel]' or ''
  local line = 'modelfile-ls: ' .. text .. (value.kind == 'end' and '' or hint)
  -- One screen line: a longer message would stop the editor at a hit-enter prompt for
  -- something that runs in the background (the full text stays in M.history).
  local room = math.max(vim.v.echospace - 1, 10)
  if vim.fn.strdisplaywidth(line) > room then
    line = vim.fn.strcharpart(line, 0, room - 1) .. '…'
  end
  vim.api.nvim_echo({ { line } }, value.kind == 'end', {})
end

function M.setup()
  vim.api.nvim_create_autocmd('LspProgress', {
    group = vim.api.nvim_create_augroup('modelfile.progress', { clear = true }),
    callback = M.show,
  })
end

return M
