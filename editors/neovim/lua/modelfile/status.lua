-- The Ollama connection state the server publishes (vocabulary.ollama_status_notification),
-- for statuslines: `require('modelfile.status').statusline()`.
local M = {}

---@type table<integer, table>
M.by_client = {}

function M.update(client_id, status)
  M.by_client[client_id] = status
  vim.api.nvim_exec_autocmds('User', { pattern = 'ModelfileOllamaStatus', modeline = false, data = status })
  vim.cmd.redrawstatus({ bang = true })
end

--- The state for the current buffer's server, or nil before the first notification.
function M.current(bufnr)
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr or 0, name = 'modelfile_ls' })) do
    if M.by_client[client.id] then
      return M.by_client[client.id]
    end
  end
  return nil
end

--- `Ollama 0.12.3`, `Ollama unreachable`, or '' when nothing is known yet.
function M.statusline()
  local status = M.current()
  if not status then
    return ''
  elseif status.state == 'connected' then
    return 'Ollama' .. (type(status.version) == 'string' and (' ' .. status.version) or '')
  elseif status.state == 'unreachable' then
    return 'Ollama unreachable'
  end
  return 'Ollama …'
end

return M
