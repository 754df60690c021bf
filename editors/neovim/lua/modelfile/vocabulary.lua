-- Names shared with the server: command ids from modelfile_ls/vocabulary.py (COMMAND_TITLES),
-- the Ollama status notification, and the file patterns of modelfile_ls/check.py.
-- tests/editors/test_shared_facts.py holds this file to the Python package.
local M = {}

M.commands = {
  create = 'modelfile-ls.create',
  pull = 'modelfile-ls.pull',
  extract = 'modelfile-ls.extract',
  refresh_registry = 'modelfile-ls.refreshRegistry',
  list_models = 'modelfile-ls.listModels',
}

M.ollama_status_notification = 'modelfile-ls/ollamaStatus'

-- `Modelfile`, `Modelfile.*`, `*.Modelfile`, `*.modelfile`, as vim.filetype.add() tables.
M.filetypes = {
  filename = { Modelfile = 'modelfile' },
  pattern = {
    ['Modelfile%..*'] = 'modelfile',
    ['.*%.Modelfile'] = 'modelfile',
    ['.*%.modelfile'] = 'modelfile',
  },
}

return M
