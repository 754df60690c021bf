// Command gen writes Go's verdicts on templates as Ollama parses and renders them.
//
// It reads cases.json and writes verdicts.json (see README.md). It imports nothing from
// Ollama: Parse, Vars/Identifiers, Execute, collate and the template value types below are
// our reproduction of ollama/ollama template/template.go and api/types.go (commit fb30760),
// written to match their behaviour; the parsing and execution are Go's own text/template.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"

	"modelfile-ls/tests/template/gen/api"
	ollama "modelfile-ls/tests/template/gen/template"
)

type parseCase struct {
	Name     string `json:"name"`
	Template string `json:"template"`
}

type parseVerdict struct {
	Name     string   `json:"name"`
	Template string   `json:"template"`
	OK       bool     `json:"ok"`
	Error    string   `json:"error,omitempty"`
	Vars     []string `json:"vars"`
}

type renderCase struct {
	Name     string        `json:"name"`
	Template string        `json:"template"`
	Messages []api.Message `json:"messages"`
	Tools    api.Tools     `json:"tools,omitempty"`
	Think    bool          `json:"think,omitempty"`
}

type renderVerdict struct {
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Messages json.RawMessage `json:"messages"`
	Tools    json.RawMessage `json:"tools,omitempty"`
	Think    bool            `json:"think,omitempty"`
	Prompt   *string         `json:"prompt,omitempty"`
	Error    string          `json:"error,omitempty"`
}

type input struct {
	Parse  []parseCase       `json:"parse"`
	Render []json.RawMessage `json:"render"`
}

type output struct {
	Go     string          `json:"go"`
	Today  string          `json:"today"`
	Parse  []parseVerdict  `json:"parse"`
	Render []renderVerdict `json:"render"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen cases.json verdicts.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	check(err)
	var in input
	check(json.Unmarshal(data, &in))
	out := output{Go: runtime.Version(), Today: ollama.Today}
	for _, c := range in.Parse {
		v := parseVerdict{Name: c.Name, Template: c.Template, OK: true}
		_, vars, err := ollama.Parse(c.Template)
		if err != nil {
			v.OK, v.Error = false, err.Error()
		} else {
			v.Vars = vars
		}
		out.Parse = append(out.Parse, v)
	}
	for _, raw := range in.Render {
		var c renderCase
		check(json.Unmarshal(raw, &c))
		var fields map[string]json.RawMessage
		check(json.Unmarshal(raw, &fields))
		v := renderVerdict{Name: c.Name, Template: c.Template, Messages: fields["messages"], Tools: fields["tools"], Think: c.Think}
		prompt, err := render(c)
		if err != nil {
			v.Error = err.Error()
		} else {
			v.Prompt = &prompt
		}
		out.Render = append(out.Render, v)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	check(enc.Encode(out))
	check(os.WriteFile(os.Args[2], buf.Bytes(), 0o644))
}

func render(c renderCase) (prompt string, err error) {
	// Ollama's server runs Execute inside gin's Recovery middleware: a panic (deleteNode's
	// on some legacy templates) answers the request with HTTP 500 instead of a prompt.
	defer func() {
		if r := recover(); r != nil {
			prompt, err = "", fmt.Errorf("panic: %v", r)
		}
	}()
	tmpl, vars, err := ollama.Parse(c.Template)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = ollama.Execute(tmpl, vars, &b, ollama.Values{Messages: c.Messages, Tools: c.Tools, Think: c.Think})
	return b.String(), err
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
