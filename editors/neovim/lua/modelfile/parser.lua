-- The tree-sitter parser and queries, built from the repository's grammar/ (the same sources
-- the Python package compiles): parser/modelfile.so and queries/modelfile/*.scm, installed in a
-- directory on 'runtimepath' where Neovim finds them.
local M = {}

M.language = 'modelfile'

local function plugin_root()
  local source = debug.getinfo(1, 'S').source:sub(2)
  return vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(vim.fs.normalize(vim.fn.fnamemodify(source, ':p')))))
end

--- grammar/ of the checkout this plugin lives in (editors/neovim/../../grammar), or
--- vim.g.modelfile_grammar_dir.
function M.grammar_dir()
  return vim.g.modelfile_grammar_dir or vim.fs.normalize(plugin_root() .. '/../../grammar')
end

--- Where the parser and queries go: vim.g.modelfile_install_dir, else the plugin itself.
function M.install_dir()
  return vim.g.modelfile_install_dir or plugin_root()
end

function M.parser_path()
  return M.install_dir() .. '/parser/' .. M.language .. '.so'
end

local function on_runtimepath(dir)
  for _, path in ipairs(vim.api.nvim_list_runtime_paths()) do
    if vim.fs.normalize(path) == vim.fs.normalize(dir) then
      return
    end
  end
  vim.opt.runtimepath:append(dir)
end

--- Registers the installed parser with vim.treesitter; false when it is not built.
function M.register()
  local path = M.parser_path()
  if vim.uv.fs_stat(path) == nil then
    return false
  end
  on_runtimepath(M.install_dir())
  return (pcall(vim.treesitter.language.add, M.language, { path = path }))
end

--- Compiles grammar/src with the C compiler and copies grammar/queries; returns ok, message.
function M.build()
  local grammar = M.grammar_dir()
  local src = grammar .. '/src'
  if vim.uv.fs_stat(src .. '/parser.c') == nil then
    return false, ('no tree-sitter sources at %s (set vim.g.modelfile_grammar_dir)'):format(src)
  end
  local target = M.install_dir()
  vim.fn.mkdir(target .. '/parser', 'p')
  vim.fn.mkdir(target .. '/queries/' .. M.language, 'p')
  local compiler = vim.env.CC or 'cc'
  local temporary = M.parser_path() .. '.tmp'
  local result = vim.system({
    compiler, '-o', temporary, '-shared', '-fPIC', '-O2', '-std=c11', '-I', src,
    src .. '/parser.c', src .. '/scanner.c',
  }, { text = true }):wait()
  if result.code ~= 0 then
    return false, ('%s failed: %s'):format(compiler, result.stderr)
  end
  -- Renamed into place so a running Neovim that loaded the old parser keeps a valid file.
  assert(vim.uv.fs_rename(temporary, M.parser_path()))
  for name, kind in vim.fs.dir(grammar .. '/queries') do
    if kind == 'file' and name:match('%.scm$') then
      assert(vim.uv.fs_copyfile(grammar .. '/queries/' .. name, ('%s/queries/%s/%s'):format(target, M.language, name)))
    end
  end
  M.register()
  return true, 'built ' .. M.parser_path()
end

--- Starts tree-sitter highlighting in a Modelfile buffer when the parser is installed.
function M.attach(bufnr)
  if M.register() then
    pcall(vim.treesitter.start, bufnr, M.language)
  end
end

return M
