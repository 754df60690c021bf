// Reads JSON strings, one a line, and prints Ollama's verdict on each as a FROM model name:
// the server's `parseAndValidateModelRef` (`modelref.ParseRef`, then `model.ParseName` and
// `IsValid`). It imports Ollama's internal package, so it is built inside a checkout of
// ollama/ollama (see ../README.md).
package main

import (
	"bufio"
	"encoding/json"
	"os"

	"github.com/ollama/ollama/internal/modelref"
	"github.com/ollama/ollama/types/model"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var name string
		if err := json.Unmarshal(in.Bytes(), &name); err != nil {
			panic(err)
		}
		parsed, err := modelref.ParseRef(name)
		if err != nil {
			out.Encode(map[string]any{"name": name, "valid": false, "error": err.Error()})
			continue
		}
		if n := model.ParseName(parsed.Base); !n.IsValid() {
			out.Encode(map[string]any{"name": name, "valid": false, "error": model.Unqualified(n).Error()})
			continue
		}
		out.Encode(map[string]any{"name": name, "valid": true})
	}
}
