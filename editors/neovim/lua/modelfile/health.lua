-- :checkhealth modelfile: the server, its version, Ollama, the tree-sitter parser.
local M = {}

local health = vim.health
local INSTALL = 'pip install modelfile-ls (or pipx install modelfile-ls)'

local function config()
  return vim.lsp.config and vim.lsp.config.modelfile_ls or {}
end

--- host, port of an OLLAMA_HOST-style value (`127.0.0.1:11434`, `http://box:8080`, `box`),
--- with Ollama's defaults (envconfig.Host: http, 127.0.0.1, port 11434).
function M.parse_host(value)
  local text = vim.trim(value or '')
  text = text:gsub('^%a[%w+.-]*://', ''):gsub('/.*$', '')
  if text == '' then
    return '127.0.0.1', 11434
  end
  local bracketed, bracket_port = text:match('^%[(.-)%]:?(%d*)$')
  if bracketed then
    return bracketed, tonumber(bracket_port) or 11434
  end
  local host, port = text:match('^(.-):(%d+)$')
  if host then
    return host ~= '' and host or '127.0.0.1', tonumber(port)
  end
  return text, 11434
end

local function configured_host()
  local settings = config().settings or {}
  local section = settings.modelfile or settings
  return section['ollama-host'] or vim.env.OLLAMA_HOST
end

--- GET /api/version over a plain TCP connection; returns version or nil, error.
function M.ollama_version(host, port, timeout)
  local address = vim.uv.getaddrinfo(host, tostring(port), { socktype = 'stream' })
  if not address or not address[1] then
    return nil, ('cannot resolve %s'):format(host)
  end
  local tcp = vim.uv.new_tcp()
  local response, failure, finished = '', nil, false
  tcp:connect(address[1].addr, port, function(err)
    if err then
      failure, finished = err, true
      return
    end
    tcp:write(('GET /api/version HTTP/1.0\r\nHost: %s:%d\r\n\r\n'):format(host, port))
    tcp:read_start(function(read_err, chunk)
      if read_err then
        failure = read_err
      end
      if chunk then
        response = response .. chunk
      else
        finished = true
      end
    end)
  end)
  vim.wait(timeout or 2000, function()
    return finished
  end, 20)
  if not tcp:is_closing() then
    tcp:close()
  end
  if failure or not finished then
    return nil, failure or 'no answer'
  end
  local body = response:match('\r\n\r\n(.*)$') or ''
  local ok, decoded = pcall(vim.json.decode, body)
  if ok and type(decoded) == 'table' and decoded.version then
    return decoded.version
  end
  return nil, 'unexpected answer: ' .. response:sub(1, 80)
end

function M.check()
  health.start('modelfile-ls server')
  local cmd = config().cmd
  local executable = type(cmd) == 'table' and cmd[1] or nil
  local path = executable and vim.fn.exepath(executable) or ''
  if path == '' then
    health.error(
      ('server not found: %s is not executable'):format(vim.inspect(executable)),
      { INSTALL, "or point vim.lsp.config('modelfile_ls', { cmd = { '/path/to/modelfile-ls' } }) at it" }
    )
  else
    health.ok('server found: ' .. path)
    local version_cmd = vim.list_extend({ path }, vim.list_slice(cmd, 2))
    table.insert(version_cmd, '--version')
    local result = vim.system(version_cmd, { text = true }):wait(10000)
    if result.code == 0 then
      health.ok('version: ' .. vim.trim(result.stdout))
    else
      health.warn('`--version` failed: ' .. vim.trim(result.stderr or ''))
    end
  end

  health.start('Ollama')
  local host, port = M.parse_host(configured_host())
  local version, err = M.ollama_version(host, port)
  if version then
    health.ok(('Ollama %s reachable at %s:%d'):format(version, host, port))
  else
    health.warn(('Ollama not reachable at %s:%d (%s)'):format(host, port, err), {
      'start it with `ollama serve`, or set OLLAMA_HOST or settings.modelfile["ollama-host"]',
    })
  end
  local status = require('modelfile.status').current()
  if status then
    health.info(('the server reports: %s%s'):format(status.state, status.message and (' (' .. status.message .. ')') or ''))
  end

  health.start('tree-sitter')
  local parser = require('modelfile.parser')
  if parser.register() then
    health.ok('parser installed: ' .. parser.parser_path())
    local ok, query = pcall(vim.treesitter.query.get, parser.language, 'highlights')
    if ok and query then
      health.ok('highlight queries found')
    else
      health.error('highlight queries missing', { 'run :ModelfileBuildParser' })
    end
  else
    health.warn('parser not installed (' .. parser.parser_path() .. ')', {
      ':ModelfileBuildParser compiles it from ' .. parser.grammar_dir() .. ' with a C compiler',
    })
  end
end

return M
