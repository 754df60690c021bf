if vim.g.loaded_modelfile then
  return
end
vim.g.loaded_modelfile = true

require('modelfile.progress').setup()

vim.api.nvim_create_user_command('ModelfileBuildParser', function()
  local ok, message = require('modelfile.parser').build()
  vim.notify('modelfile: ' .. message, ok and vim.log.levels.INFO or vim.log.levels.ERROR)
end, { nargs = 0, desc = 'Build the Modelfile tree-sitter parser from grammar/' })

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('modelfile.filetype', { clear = true }),
  pattern = 'modelfile',
  callback = function(event)
    vim.bo[event.buf].commentstring = '# %s'
    require('modelfile.parser').attach(event.buf)
  end,
})

-- lsp/modelfile_ls.lua is on 'runtimepath'; enabling it starts modelfile-ls for Modelfiles.
if vim.g.modelfile_lsp ~= false and vim.lsp.enable then
  vim.lsp.enable('modelfile_ls')
end
