// Prompt preview, registry elements and drafts (modelfile_ls/lsp/element_commands.py): each
// palette command's request, the preview's virtual document, and failures shown.
import * as assert from "assert";
import { activated, MODELFILE, sent, useExtension } from "./harness";
import * as lc from "./mock/languageclient";
import * as vscode from "./mock/vscode";

const SOURCE = MODELFILE.toString();
const PREVIEW = `modelfile-preview:/work/llama-coder/Modelfile.prompt?${encodeURIComponent(SOURCE)}`;

/** The server's answer to Preview Prompt and its notification after a change. */
function preview(text: string, version = 1): Record<string, unknown> {
  return { uri: PREVIEW, source: SOURCE, version, text, error: null, sample: "built-in sample" };
}

function provider(): {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string>;
  onDidChange(listener: (uri: vscode.Uri) => void): unknown;
} {
  const registered = vscode.recorded.contentProviders.get("modelfile-preview");
  assert.ok(registered, "no content provider for modelfile-preview:");
  return registered;
}

describe("element commands", () => {
  useExtension();

  describe("Preview Prompt", () => {
    it("asks the server for the text only and opens the preview beside the Modelfile", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.previewPrompt", preview("<|user|>Hello"));
      await client.invoke("modelfile-ls.previewPrompt");
      assert.deepStrictEqual(sent(), [
        { command: "modelfile-ls.previewPrompt", arguments: [{ uri: SOURCE, show: false }] },
      ]);
      assert.strictEqual(vscode.recorded.opened.length, 1);
      const opened = vscode.recorded.opened[0];
      assert.strictEqual(opened.uri.toString(), PREVIEW);
      assert.deepStrictEqual(opened.options, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
      assert.strictEqual(await provider().provideTextDocumentContent(opened.uri), "<|user|>Hello");
    });

    it("follows the server's notifications and tells VS Code the document changed", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.previewPrompt", preview("first"));
      await client.invoke("modelfile-ls.previewPrompt");
      const changed: string[] = [];
      provider().onDidChange((uri) => changed.push(uri.toString()));
      client.notify("modelfile-ls/promptPreview", preview("second", 2));
      assert.deepStrictEqual(changed, [PREVIEW]);
      assert.strictEqual(await provider().provideTextDocumentContent(vscode.Uri.parse(PREVIEW)), "second");
    });

    it("ignores a notification without a preview's uri and text", async () => {
      const client = await activated();
      const changed: string[] = [];
      provider().onDidChange((uri) => changed.push(uri.toString()));
      client.notify("modelfile-ls/promptPreview", { uri: PREVIEW });
      client.notify("modelfile-ls/promptPreview", null);
      assert.deepStrictEqual(changed, []);
    });

    it("asks the server for a preview VS Code reopens before any was sent, past the middleware", async () => {
      await activated();
      lc.server.answers.set("modelfile-ls.previewPrompt", preview("restored"));
      assert.strictEqual(await provider().provideTextDocumentContent(vscode.Uri.parse(PREVIEW)), "restored");
      assert.deepStrictEqual(lc.server.requests, [
        {
          method: "workspace/executeCommand",
          params: { command: "modelfile-ls.previewPrompt", arguments: [{ uri: SOURCE, show: false }] },
        },
      ]);
      assert.deepStrictEqual(vscode.recorded.opened, []);
    });

    it("shows why a reopened preview cannot be rendered", async () => {
      await activated();
      lc.server.answers.set("modelfile-ls.previewPrompt", { error: `${SOURCE} is not open in the editor` });
      const text = await provider().provideTextDocumentContent(vscode.Uri.parse(PREVIEW));
      assert.strictEqual(text, `${SOURCE} is not open in the editor`);
    });

    it("does not open the preview again when the server showed it", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.previewPrompt", { ...preview("shown"), shown: true });
      await client.invoke("modelfile-ls.previewPrompt", { uri: SOURCE });
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.previewPrompt", arguments: [{ uri: SOURCE }] }]);
      assert.deepStrictEqual(vscode.recorded.opened, []);
    });
  });

  describe("palette requests", () => {
    for (const command of ["modelfile-ls.saveElement", "modelfile-ls.previewElements"]) {
      it(`${command} sends the document and the selection as an LSP range`, async () => {
        const client = await activated();
        vscode.setActiveDocument(new vscode.FakeDocument(MODELFILE, "modelfile"), new vscode.Selection(2, 0, 4, 7));
        await client.invoke(command);
        const range = { start: { line: 2, character: 0 }, end: { line: 4, character: 7 } };
        assert.deepStrictEqual(sent(), [{ command, arguments: [{ uri: SOURCE, range }] }]);
      });

      it(`${command} without a selection sends the document only`, async () => {
        const client = await activated();
        vscode.setActiveDocument(new vscode.FakeDocument(MODELFILE, "modelfile"), new vscode.Selection(3, 5, 3, 5));
        await client.invoke(command);
        assert.deepStrictEqual(sent(), [{ command, arguments: [{ uri: SOURCE }] }]);
      });
    }

    it("Save as Draft sends the document", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.saveDraft");
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.saveDraft", arguments: [{ uri: SOURCE }] }]);
    });

    for (const command of ["modelfile-ls.newFromElements", "modelfile-ls.openDraft"]) {
      it(`${command} sends no argument, with or without a Modelfile open (the server asks)`, async () => {
        const client = await activated();
        await client.invoke(command);
        vscode.setActiveDocument(undefined);
        await client.invoke(command);
        assert.deepStrictEqual(sent(), [
          { command, arguments: [] },
          { command, arguments: [] },
        ]);
        assert.deepStrictEqual(vscode.recorded.errors, []);
      });
    }

    for (const command of [
      "modelfile-ls.previewPrompt",
      "modelfile-ls.saveElement",
      "modelfile-ls.previewElements",
      "modelfile-ls.saveDraft",
    ]) {
      it(`${command} without a Modelfile open says so and sends nothing`, async () => {
        const client = await activated();
        vscode.setActiveDocument(new vscode.FakeDocument(vscode.Uri.file("/work/notes.md"), "markdown"));
        await client.invoke(command);
        assert.deepStrictEqual(sent(), []);
        assert.match(vscode.recorded.errors[0].message, /^Modelfile: open a Modelfile to /);
      });
    }

    it("a code action's arguments go to the server unchanged", async () => {
      const client = await activated();
      const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } };
      await client.invoke("modelfile-ls.saveElement", { uri: SOURCE, range });
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.saveElement", arguments: [{ uri: SOURCE, range }] }]);
    });
  });

  describe("failures", () => {
    for (const command of [
      "modelfile-ls.previewPrompt",
      "modelfile-ls.saveElement",
      "modelfile-ls.previewElements",
      "modelfile-ls.newFromElements",
      "modelfile-ls.saveDraft",
      "modelfile-ls.openDraft",
    ]) {
      it(`${command} shows an {"error"} answer as the server words it, and opens nothing`, async () => {
        const client = await activated();
        const error = "the registry is not available: locked";
        lc.server.answers.set(command, { error });
        assert.deepStrictEqual(await client.invoke(command), { error });
        assert.deepStrictEqual(vscode.recorded.errors, [{ message: `modelfile-ls: ${error}`, items: [] }]);
        assert.deepStrictEqual(vscode.recorded.opened, []);
      });
    }

    it("a cancelled command shows nothing", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.saveElement", { cancelled: true });
      await client.invoke("modelfile-ls.saveElement");
      assert.deepStrictEqual(vscode.recorded.errors, []);
    });

    it("leaves an Ollama command's failure to the server's own progress message", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.pull", { message: "no such model", error: "no such model", hint: "", cancelled: false });
      await client.invoke("modelfile-ls.pull");
      assert.deepStrictEqual(vscode.recorded.errors, []);
    });
  });
});
