// Prints Ollama's own verdict on one Modelfile as `ollama create` builds its request:
// `parser.ParseFile`, then `Modelfile.CreateRequest`, then the JSON encoding the client sends.
// One JSON object: ok, error, the request's parameters with each one's Go type, requires,
// and what CreateRequest printed (its deprecation warnings). See README.md.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ollama/ollama/parser"
)

type verdict struct {
	Ok         bool              `json:"ok"`
	Error      string            `json:"error,omitempty"`
	Parameters map[string]any    `json:"parameters,omitempty"`
	Types      map[string]string `json:"parameter_types,omitempty"`
	Requires   string            `json:"requires,omitempty"`
	Stdout     string            `json:"stdout"`
}

// createRequest runs CreateRequest with standard output captured, as the CLI prints it.
func createRequest(file *parser.Modelfile, dir string) (map[string]any, string, string, error) {
	read, write, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	saved := os.Stdout
	os.Stdout = write
	request, err := file.CreateRequest(dir)
	os.Stdout = saved
	write.Close()
	var printed bytes.Buffer
	io.Copy(&printed, read)
	if err != nil {
		return nil, "", printed.String(), err
	}
	if _, err := json.Marshal(request); err != nil {
		return nil, "", printed.String(), err
	}
	return request.Parameters, request.Requires, printed.String(), nil
}

func main() {
	name := os.Args[1]
	opened, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	var result verdict
	file, err := parser.ParseFile(opened)
	if err != nil {
		result.Error = err.Error()
	} else {
		parameters, requires, printed, err := createRequest(file, filepath.Dir(name))
		result.Stdout = printed
		if err != nil {
			result.Error = err.Error()
		} else {
			result.Ok, result.Parameters, result.Requires = true, parameters, requires
			result.Types = map[string]string{}
			for key, value := range parameters {
				result.Types[key] = fmt.Sprintf("%T", value)
			}
		}
	}
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	out.Encode(result)
}
