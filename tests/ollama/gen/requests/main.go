// Command requests prints, for each Modelfile named on its command line, what Ollama's own
// parser.ParseFile and Modelfile.CreateRequest return: the request as JSON (file keys as
// CreateRequest makes them, before the CLI renames them for upload) or the error. One JSON
// line per file; tests/ollama/gen/differential.py compares them with ours (see ../README.md).
package main

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/ollama/ollama/parser"
)

type verdict struct {
	File    string          `json:"file"`
	OK      bool            `json:"ok"`
	Error   string          `json:"error,omitempty"`
	Request json.RawMessage `json:"request,omitempty"`
}

func main() {
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	for _, name := range os.Args[1:] {
		out.Encode(run(name))
	}
}

func run(name string) verdict {
	result := verdict{File: name}
	opened, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	defer opened.Close()
	file, err := parser.ParseFile(opened)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	// CreateRequest prints deprecation warnings; they are not compared here.
	saved := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	request, err := file.CreateRequest(filepath.Dir(name))
	os.Stdout = saved
	if err != nil {
		result.Error = err.Error()
		return result
	}
	raw, err := json.Marshal(request)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	result.OK, result.Request = true, raw
	return result
}
