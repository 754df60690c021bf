import * as assert from "assert";
import { defaultModelName } from "../src/modelName";

describe("default model name", () => {
  const cases: [string, string][] = [
    ["/work/llama-coder/Modelfile", "llama-coder"],
    ["/work/models/Modelfile.Coder", "coder"],
    ["/work/models/Mistral Chat.Modelfile", "mistral-chat"],
    ["/work/models/phi3.modelfile", "phi3"],
    ["/work/models/--.modelfile", "my-model"],
  ];
  for (const [file, name] of cases) {
    it(`${file} -> ${name}`, () => assert.strictEqual(defaultModelName(file), name));
  }
});
