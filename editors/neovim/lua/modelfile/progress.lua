-- Shows the server's $/progress (creates, pulls, registry syncs) from Neovim's LspProgress
-- event: one line in the message area while it runs, a notification when it ends.
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
  if value.kind == 'end' then
    vim.notify(text, vim.log.levels.INFO)
  else
    local hint = value.cancellable and '  [:ModelfileCancel]' or ''
    vim.api.nvim_echo({ { 'modelfile-ls: ' .. text .. hint } }, false, {})
  end
end

function M.setup()
  vim.api.nvim_create_autocmd('LspProgress', {
    group = vim.api.nvim_create_augroup('modelfile.progress', { clear = true }),
    callback = M.show,
  })
end

return M
