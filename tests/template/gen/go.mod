module modelfile-ls/tests/template/gen

go 1.26
