vim.filetype.add(require('modelfile.vocabulary').filetypes)
