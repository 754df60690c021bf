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
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
)

// The fixed date the date functions return, so that renderings are reproducible.
const today, yesterday = "2026-01-15", "2026-01-14"

var funcs = template.FuncMap{
	"json": func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	},
	"currentDate":   func(args ...string) string { return today },
	"yesterdayDate": func(args ...string) string { return yesterday },
	"toTypeScriptType": func(v any) string {
		if p, ok := v.(ToolProperty); ok {
			return p.ToTypeScriptType()
		}
		if p, ok := v.(*ToolProperty); ok && p != nil {
			return p.ToTypeScriptType()
		}
		return "any"
	},
}

var response = parse.ActionNode{
	NodeType: parse.NodeAction,
	Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe,
		Cmds: []*parse.CommandNode{{
			NodeType: parse.NodeCommand,
			Args:     []parse.Node{&parse.FieldNode{NodeType: parse.NodeField, Ident: []string{"Response"}}},
		}},
	},
}

// Parse is Ollama's template.Parse.
func Parse(s string) (*template.Template, []string, error) {
	tmpl, err := template.New("").Option("missingkey=zero").Funcs(funcs).Parse(s)
	if err != nil {
		return nil, nil, err
	}
	vars, err := Vars(tmpl)
	if err != nil {
		return nil, nil, err
	}
	if !slices.Contains(vars, "messages") && !slices.Contains(vars, "response") {
		tmpl.Tree.Root.Nodes = append(tmpl.Tree.Root.Nodes, &response)
	}
	return tmpl, vars, nil
}

// Vars is Ollama's Template.Vars: the lower-cased identifiers of every tree.
func Vars(t *template.Template) ([]string, error) {
	var vars []string
	for _, tt := range t.Templates() {
		for _, n := range tt.Root.Nodes {
			v, err := Identifiers(n)
			if err != nil {
				return vars, err
			}
			vars = append(vars, v...)
		}
	}
	set := map[string]bool{}
	for _, n := range vars {
		set[strings.ToLower(n)] = true
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}

// Identifiers is Ollama's node walk.
func Identifiers(n parse.Node) ([]string, error) {
	switch n := n.(type) {
	case *parse.ListNode:
		var names []string
		for _, n := range n.Nodes {
			i, err := Identifiers(n)
			if err != nil {
				return names, err
			}
			names = append(names, i...)
		}
		return names, nil
	case *parse.TemplateNode:
		if n.Pipe == nil {
			return nil, errors.New("undefined template specified")
		}
		return Identifiers(n.Pipe)
	case *parse.ActionNode:
		if n.Pipe == nil {
			return nil, errors.New("undefined action in template")
		}
		return Identifiers(n.Pipe)
	case *parse.BranchNode:
		if n.Pipe == nil {
			return nil, errors.New("undefined branch")
		}
		names, err := Identifiers(n.Pipe)
		if err != nil {
			return names, err
		}
		for _, l := range []*parse.ListNode{n.List, n.ElseList} {
			if l != nil {
				i, err := Identifiers(l)
				if err != nil {
					return names, err
				}
				names = append(names, i...)
			}
		}
		return names, nil
	case *parse.IfNode:
		return Identifiers(&n.BranchNode)
	case *parse.RangeNode:
		return Identifiers(&n.BranchNode)
	case *parse.WithNode:
		return Identifiers(&n.BranchNode)
	case *parse.PipeNode:
		var names []string
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				i, err := Identifiers(a)
				if err != nil {
					return names, err
				}
				names = append(names, i...)
			}
		}
		return names, nil
	case *parse.FieldNode:
		return n.Ident, nil
	case *parse.VariableNode:
		return n.Ident, nil
	}
	return nil, nil
}

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
	Name     string    `json:"name"`
	Template string    `json:"template"`
	Messages []Message `json:"messages"`
	Tools    Tools     `json:"tools,omitempty"`
	Think    bool      `json:"think,omitempty"`
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
	out := output{Go: runtime.Version(), Today: today}
	for _, c := range in.Parse {
		v := parseVerdict{Name: c.Name, Template: c.Template, OK: true}
		_, vars, err := Parse(c.Template)
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

func render(c renderCase) (string, error) {
	tmpl, vars, err := Parse(c.Template)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = Execute(tmpl, vars, &b, Values{Messages: c.Messages, Tools: c.Tools, Think: c.Think})
	return b.String(), err
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
