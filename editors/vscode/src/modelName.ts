// The default name offered for a model created from a file, as `ollama create NAME -f FILE`
// would be typed: `llama.Modelfile` -> llama, `Modelfile.coder` -> coder, `dir/Modelfile` -> dir.
import * as path from "path";

const FALLBACK = "my-model";

export function defaultModelName(file: string): string {
  const base = path.basename(file);
  let stem: string;
  if (base === "Modelfile") {
    stem = path.basename(path.dirname(file));
  } else if (base.startsWith("Modelfile.")) {
    stem = base.slice("Modelfile.".length);
  } else if (/\.modelfile$/i.test(base)) {
    stem = base.slice(0, -".modelfile".length);
  } else {
    stem = path.parse(base).name;
  }
  // Ollama's name parts are letters, digits, `_`, `-` and `.` (model/name.go); lower case is
  // what `ollama list` shows for library models, so the default follows it.
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/-+$/, "");
  return name || FALLBACK;
}
