package tree_sitter_modelfile_test

import (
	"testing"

	tree_sitter "github.com/smacker/go-tree-sitter"
	"github.com/tree-sitter/tree-sitter-modelfile"
)

func TestCanLoadGrammar(t *testing.T) {
	language := tree_sitter.NewLanguage(tree_sitter_modelfile.Language())
	if language == nil {
		t.Errorf("Error loading Modelfile grammar")
	}
}
