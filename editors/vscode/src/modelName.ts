// The model name a Modelfile suggests by its file name, offered when creating or pushing:
// `mybot.Modelfile`, `Modelfile.mybot` and `mybot/Modelfile` suggest `mybot`. The same rule as
// the server's modelfile_ls/naming.py suggested_name (tests/test_naming.py runs the cases of
// test/modelName.test.ts on it).
import * as path from "path";

const MODELFILE = "modelfile";

export function suggestedName(file: string): string | undefined {
  const base = path.basename(file);
  const lower = base.toLowerCase();
  let name: string;
  if (lower === MODELFILE) {
    name = path.basename(path.dirname(file));
  } else if (lower.endsWith(`.${MODELFILE}`)) {
    name = base.slice(0, -MODELFILE.length - 1);
  } else if (lower.startsWith(`${MODELFILE}.`)) {
    name = base.slice(MODELFILE.length + 1);
  } else {
    name = path.parse(base).name;
  }
  // Lower case (Ollama's names are case-insensitive, its library lower-case), and `-` for
  // every run of characters a model name cannot hold.
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
  return cleaned || undefined;
}
