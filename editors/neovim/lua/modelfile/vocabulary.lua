-- Names shared with the server: command ids from modelfile_ls/vocabulary.py (COMMAND_TITLES),
-- its notifications, and the file patterns of modelfile_ls/check.py.
-- tests/editors/test_shared_facts.py holds this file to the Python package.
local M = {}

M.commands = {
  create = 'modelfile-ls.create',
  pull = 'modelfile-ls.pull',
  extract = 'modelfile-ls.extract',
  refresh_registry = 'modelfile-ls.refreshRegistry',
  list_models = 'modelfile-ls.listModels',
  preview_prompt = 'modelfile-ls.previewPrompt',
  save_element = 'modelfile-ls.saveElement',
  preview_elements = 'modelfile-ls.previewElements',
  new_from_elements = 'modelfile-ls.newFromElements',
  save_draft = 'modelfile-ls.saveDraft',
  open_draft = 'modelfile-ls.openDraft',
}

M.ollama_status_notification = 'modelfile-ls/ollamaStatus'
M.prompt_preview_notification = 'modelfile-ls/promptPreview'

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
