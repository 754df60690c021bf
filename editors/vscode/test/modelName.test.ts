import * as assert from "assert";
import { suggestedName } from "../src/modelName";

describe("suggested model name", () => {
  const cases: [string, string | undefined][] = [
    ["/work/llama-coder/Modelfile", "llama-coder"],
    ["/work/models/Modelfile.Coder", "coder"],
    ["/work/models/Mistral Chat.Modelfile", "mistral-chat"],
    ["/work/models/phi3.modelfile", "phi3"],
    ["/work/models/--.modelfile", undefined],
  ];
  for (const [file, name] of cases) {
    it(`${file} -> ${name}`, () => assert.strictEqual(suggestedName(file), name));
  }
});
