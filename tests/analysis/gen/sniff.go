// Command sniff writes Go's http.DetectContentType of each case in sniff_cases.json
// (base64 byte strings) to sniff_verdicts.json. See README.md.
package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"runtime"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []string
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	type verdict struct {
		Data string `json:"data"`
		Type string `json:"type"`
	}
	out := struct {
		Go    string    `json:"go"`
		Cases []verdict `json:"cases"`
	}{Go: runtime.Version()}
	for _, c := range cases {
		raw, err := base64.StdEncoding.DecodeString(c)
		if err != nil {
			panic(err)
		}
		out.Cases = append(out.Cases, verdict{c, http.DetectContentType(raw)})
	}
	encoded, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(os.Args[2], append(encoded, '\n'), 0o644); err != nil {
		panic(err)
	}
}
