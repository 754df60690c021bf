-- modelfile-ls for vim.lsp.config (Neovim 0.11+): `vim.lsp.enable('modelfile_ls')`.
-- Override any field with vim.lsp.config('modelfile_ls', { ... }), e.g. `settings`.
local vocabulary = require('modelfile.vocabulary')

---@type vim.lsp.Config
return {
  cmd = { 'modelfile-ls' },
  filetypes = { 'modelfile' },
  root_markers = { '.modelfile-ls.toml', 'pyproject.toml', '.git' },
  settings = { modelfile = vim.empty_dict() },
  handlers = {
    [vocabulary.ollama_status_notification] = function(_, status, ctx)
      require('modelfile.status').update(ctx.client_id, status)
    end,
    [vocabulary.prompt_preview_notification] = function(_, preview)
      require('modelfile.preview').update(preview)
    end,
  },
  on_attach = function(client, bufnr)
    require('modelfile.commands').attach(client, bufnr)
  end,
}
