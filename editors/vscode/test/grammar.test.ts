// The TextMate grammar over real Modelfiles: snapshots of every token's scopes (set
// UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change), and the scopes that matter
// checked one by one, Go template actions inside TEMPLATE above all.
import * as assert from "assert";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

const EXTENSION = path.resolve(__dirname, "..", "..");
const ROOT = path.resolve(EXTENSION, "..", "..");
const SHARED = process.env.MODELFILE_LS_SHARED ?? path.resolve(ROOT, "..", "shared");
const SNAPSHOTS = path.join(EXTENSION, "test", "snapshots");

/** Real files: the repository's examples and corpus files with Go templates in all three
 * value forms (triple-quoted, double-quoted, unquoted). */
const FILES: Record<string, string> = {
  "examples-Modelfile": path.join(ROOT, "examples", "Modelfile"),
  "examples-broken": path.join(ROOT, "examples", "broken.Modelfile"),
  "corpus-0006": path.join(SHARED, "corpus", "modelfiles", "0006.Modelfile"),
  "corpus-0023": path.join(SHARED, "corpus", "modelfiles", "0023.Modelfile"),
  "corpus-0087": path.join(SHARED, "corpus", "modelfiles", "0087.Modelfile"),
};

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== "source.modelfile") {
        return null;
      }
      const file = path.join(EXTENSION, "syntaxes", "modelfile.tmLanguage.json");
      return vsctm.parseRawGrammar(await fs.readFile(file, "utf8"), file);
    },
  });
  const loaded = await registry.loadGrammar("source.modelfile");
  assert.ok(loaded, "the grammar did not load");
  return loaded;
}

interface Token {
  line: number;
  text: string;
  scopes: string[];
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let stack = vsctm.INITIAL;
  source
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      const result = grammar.tokenizeLine(line, stack);
      for (const token of result.tokens) {
        tokens.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes.slice(1) });
      }
      stack = result.ruleStack;
    });
  return tokens;
}

/** vscode-tmgrammar-snap's layout: each source line, then `^^^ scopes` under each token. */
function snapshot(source: string): string {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const tokens = tokenize(source);
  const out: string[] = [];
  lines.forEach((line, index) => {
    out.push(`>${line}`);
    let column = 0;
    for (const token of tokens.filter((t) => t.line === index)) {
      if (token.text.length > 0 && token.scopes.length > 0) {
        out.push(`#${" ".repeat(column)}${"^".repeat(token.text.length)} ${token.scopes.join(" ")}`);
      }
      column += token.text.length;
    }
  });
  return out.join("\n") + "\n";
}

function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
  const matches = tokens.filter((t) => t.text === text);
  assert.ok(matches.length > occurrence, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return matches[occurrence].scopes;
}

function has(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(`${scope}.`) || s.split(" ").includes(scope));
}

describe("TextMate grammar", () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  describe("snapshots of real Modelfiles", () => {
    for (const [name, file] of Object.entries(FILES)) {
      it(name, async () => {
        const actual = snapshot(await fs.readFile(file, "utf8"));
        const expectedFile = path.join(SNAPSHOTS, `${name}.snap`);
        if (process.env.UPDATE_SNAPSHOTS) {
          await fs.writeFile(expectedFile, actual);
        }
        assert.strictEqual(actual, await fs.readFile(expectedFile, "utf8"), `${name}: rerun with UPDATE_SNAPSHOTS=1 if intended`);
      });
    }
  });

  it("highlights Go template actions inside a triple-quoted TEMPLATE", () => {
    const tokens = tokenize('TEMPLATE """{{- if .System }}<|system|>{{ .System }}\n{{- range $i, $m := .Messages }}{{ len $m }}{{ end }}\n"""\nSYSTEM ok');
    assert.ok(has(scopesOf(tokens, "TEMPLATE"), "keyword.other.instruction.modelfile"));
    assert.ok(has(scopesOf(tokens, "{{"), "punctuation.section.embedded.begin.gotemplate"));
    assert.ok(has(scopesOf(tokens, "-"), "keyword.operator.trim.gotemplate"));
    assert.ok(has(scopesOf(tokens, "if"), "keyword.control.gotemplate"));
    assert.ok(has(scopesOf(tokens, "System"), "variable.other.member.gotemplate"));
    assert.ok(has(scopesOf(tokens, "range"), "keyword.control.gotemplate"));
    assert.ok(has(scopesOf(tokens, "$m"), "variable.other.gotemplate"));
    assert.ok(has(scopesOf(tokens, ":="), "keyword.operator.assignment.gotemplate"));
    assert.ok(has(scopesOf(tokens, "len"), "support.function.builtin.gotemplate"));
    assert.ok(has(scopesOf(tokens, "end"), "keyword.control.gotemplate"));
    const text = scopesOf(tokens, "<|system|>");
    assert.ok(has(text, "string.quoted.triple.template.modelfile"), text.join(" "));
    assert.ok(!has(text, "meta.action.gotemplate"));
    assert.ok(has(scopesOf(tokens, "SYSTEM"), "keyword.other.instruction.modelfile"), "the value did not end at the closing quotes");
  });

  it("highlights Go template actions in double-quoted and unquoted TEMPLATE values", () => {
    const quoted = tokenize('TEMPLATE "<|user|>{{ .Prompt }}"');
    assert.ok(has(scopesOf(quoted, "Prompt"), "variable.other.member.gotemplate"));
    assert.ok(has(scopesOf(quoted, "<|user|>"), "string.quoted.double.template.modelfile"));
    const bare = tokenize("template {{ .Prompt | printf \"%s\" }}");
    assert.ok(has(scopesOf(bare, "template"), "keyword.other.instruction.modelfile"), "keywords are case-insensitive");
    assert.ok(has(scopesOf(bare, "printf"), "support.function.builtin.gotemplate"));
    assert.ok(has(scopesOf(bare, '"%s"'), "string.quoted.double.gotemplate"));
    assert.ok(has(scopesOf(bare, "|"), "keyword.operator.pipe.gotemplate"));
  });

  it("keeps a template comment whole", () => {
    const tokens = tokenize('TEMPLATE """{{/* not {{ an action */}}{{ .Prompt }}"""');
    assert.ok(has(scopesOf(tokens, " not {{ an action "), "comment.block.gotemplate"));
    assert.ok(has(scopesOf(tokens, "Prompt"), "variable.other.member.gotemplate"));
  });

  it("ends a quoted value only where the line ends with the quotes, as Ollama does", () => {
    const tokens = tokenize('SYSTEM """say """ twice\nstill the value"""\nFROM llama3.2');
    assert.ok(has(scopesOf(tokens, "still the value"), "string.quoted.triple.system.modelfile"));
    assert.ok(has(scopesOf(tokens, "FROM"), "keyword.other.instruction.modelfile"));
  });

  it("gives no template scopes outside TEMPLATE", () => {
    const tokens = tokenize('SYSTEM """{{ .System }}"""');
    assert.ok(tokens.every((t) => !t.scopes.some((s) => s.includes("gotemplate"))));
  });

  it("names parameters, message roles, models, paths and comments", () => {
    const tokens = tokenize('# a comment\nFROM llama3.2:3b\nADAPTER ./lora.gguf\nPARAMETER stop "<|eot_id|>"\nMESSAGE user Hi\nPARAMTER x 1');
    assert.ok(has(scopesOf(tokens, "# a comment".slice(1)), "comment.line.number-sign.modelfile"));
    assert.ok(has(scopesOf(tokens, "llama3.2:3b"), "string.unquoted.model.modelfile"));
    assert.ok(has(scopesOf(tokens, "./lora.gguf"), "string.unquoted.path.modelfile"));
    assert.ok(has(scopesOf(tokens, "stop"), "variable.parameter.name.modelfile"));
    assert.ok(has(scopesOf(tokens, "<|eot_id|>"), "string.quoted.double.parameter.modelfile"));
    assert.ok(has(scopesOf(tokens, "user"), "entity.name.tag.role.modelfile"));
    assert.ok(has(scopesOf(tokens, "PARAMTER"), "invalid.illegal.instruction.modelfile"));
  });
});
