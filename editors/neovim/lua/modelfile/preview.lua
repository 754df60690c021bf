-- The prompt preview (:ModelfilePreviewPrompt): a scratch buffer in a split showing the prompt
-- the server renders for a Modelfile, rewritten from each `promptPreview` notification the
-- server sends after a change of that Modelfile (Neovim cannot open the server's
-- modelfile-preview: URIs, so the command asks with show = false and uses the text).
local M = {}

---@type table<string, integer> Modelfile URI -> preview buffer.
M.buffers = {}

local function fill(bufnr, preview)
  local lines = vim.split(preview.text or '', '\n', { plain = true })
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  vim.bo[bufnr].modifiable = false
  vim.b[bufnr].modelfile_preview = {
    source = preview.source,
    version = preview.version,
    error = preview.error,
    sample = preview.sample,
  }
end

local function create(preview)
  local bufnr = vim.api.nvim_create_buf(false, true)
  vim.bo[bufnr].bufhidden = 'wipe'
  vim.bo[bufnr].swapfile = false
  vim.api.nvim_buf_set_name(bufnr, preview.uri or ('modelfile-preview:' .. preview.source))
  vim.api.nvim_create_autocmd('BufWipeout', {
    buffer = bufnr,
    once = true,
    callback = function()
      if M.buffers[preview.source] == bufnr then
        M.buffers[preview.source] = nil
      end
    end,
  })
  M.buffers[preview.source] = bufnr
  return bufnr
end

--- Shows the preview a PREVIEW_PROMPT answer carries, in a split (reusing the buffer and its
--- window when the Modelfile's preview is open already).
function M.show(preview)
  local bufnr = M.buffers[preview.source]
  if not bufnr or not vim.api.nvim_buf_is_valid(bufnr) then
    bufnr = create(preview)
  end
  fill(bufnr, preview)
  local window = vim.fn.bufwinid(bufnr)
  if window == -1 then
    local from = vim.api.nvim_get_current_win()
    vim.cmd.split()
    vim.api.nvim_win_set_buf(0, bufnr)
    vim.api.nvim_set_current_win(from)
  end
  return bufnr
end

--- The server's promptPreview notification: rewrite that Modelfile's open preview.
function M.update(preview)
  local bufnr = type(preview) == 'table' and M.buffers[preview.source]
  if bufnr and vim.api.nvim_buf_is_valid(bufnr) then
    fill(bufnr, preview)
    vim.api.nvim_exec_autocmds('User', { pattern = 'ModelfilePromptPreview', modeline = false, data = preview })
  end
end

return M
