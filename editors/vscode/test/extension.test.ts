// The extension as VS Code runs it, against the stand-in vscode module and language client:
// palette commands and the requests they send, the middleware, the status item, restart.
import * as assert from "assert";
import * as path from "path";
import * as extension from "../src/extension";
import { Environment } from "../src/server";
import { activated, context, fakeServerDirectory, manifest, MODELFILE, sent, useExtension } from "./harness";
import * as lc from "./mock/languageclient";
import * as vscode from "./mock/vscode";

describe("extension", () => {
  useExtension();

  describe("start-up", () => {
    it("starts the discovered server over stdio for Modelfiles", async () => {
      const client = await activated();
      assert.strictEqual(client.id, "modelfile");
      assert.deepStrictEqual(client.serverOptions, {
        command: path.join(fakeServerDirectory(), "modelfile-ls"),
        args: [],
        transport: lc.TransportKind.stdio,
      });
      assert.deepStrictEqual(
        client.clientOptions.documentSelector.map((s: { language: string }) => s.language),
        ["modelfile", "modelfile"],
      );
      assert.strictEqual(client.starts, 1);
    });

    it("sends every server setting, and none of the extension's own, as initializationOptions", async () => {
      vscode.configurationValues.set("modelfile.ignore", ["MF104"]);
      vscode.configurationValues.set("modelfile.ollama-host", "127.0.0.1:11434");
      vscode.configurationValues.set("modelfile.server.path", "");
      const client = await activated();
      assert.deepStrictEqual(client.clientOptions.initializationOptions, {
        select: null,
        ignore: ["MF104"],
        severity: null,
        "ollama-host": "127.0.0.1:11434",
        "ollama-hosts": null,
        registry: null,
      });
    });

    it("shows what it tried and an install hint when no server is found", async () => {
      vscode.answers.errorChoice = "Copy Install Command";
      const env: Environment = { PATH: "", platform: "linux", importsServer: async () => false };
      await extension.activate(context() as never, env);
      assert.strictEqual(lc.clients.length, 0);
      assert.strictEqual(vscode.recorded.errors.length, 1);
      assert.match(vscode.recorded.errors[0].message, /pip install modelfile-ls/);
      assert.deepStrictEqual(vscode.recorded.errors[0].items, ["Open Settings", "Copy Install Command"]);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepStrictEqual(vscode.recorded.clipboard, ["pip install modelfile-ls"]);
    });
  });

  describe("palette commands", () => {
    it("Create Model in Ollama asks for the name, defaulting from the file, and sends uri and name", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.create", { model: "llama-coder" });
      const result = await client.invoke("modelfile-ls.create");
      assert.strictEqual(vscode.recorded.inputBoxes[0].value, "llama-coder");
      assert.deepStrictEqual(sent(), [
        { command: "modelfile-ls.create", arguments: [{ uri: MODELFILE.toString(), name: "llama-coder" }] },
      ]);
      assert.deepStrictEqual(result, { model: "llama-coder" });
    });

    it("Create sends the name the user typed", async () => {
      const client = await activated();
      vscode.answers.inputBox = () => "  coder:7b ";
      await client.invoke("modelfile-ls.create");
      assert.deepStrictEqual(sent()[0].arguments, [{ uri: MODELFILE.toString(), name: "coder:7b" }]);
    });

    it("Create sends nothing when the name prompt is cancelled", async () => {
      const client = await activated();
      vscode.answers.inputBox = () => undefined;
      assert.strictEqual(await client.invoke("modelfile-ls.create"), undefined);
      assert.deepStrictEqual(sent(), []);
    });

    it("Create offers an empty name when the file suggests none, and sends nothing for an empty answer", async () => {
      const client = await activated();
      vscode.setActiveDocument(new vscode.FakeDocument(vscode.Uri.file("/work/--.modelfile"), "modelfile"));
      vscode.answers.inputBox = () => "";
      await client.invoke("modelfile-ls.create");
      assert.strictEqual(vscode.recorded.inputBoxes[0].value, "");
      assert.deepStrictEqual(sent(), []);
    });

    it("Create without a Modelfile open says so and sends nothing", async () => {
      const client = await activated();
      vscode.setActiveDocument(new vscode.FakeDocument(vscode.Uri.file("/work/notes.md"), "markdown"));
      await client.invoke("modelfile-ls.create");
      assert.deepStrictEqual(sent(), []);
      assert.match(vscode.recorded.errors[0].message, /open a Modelfile/);
    });

    it("the name prompt rejects names with spaces", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.create");
      const validate = vscode.recorded.inputBoxes[0].validateInput;
      assert.strictEqual(validate("my model"), "A model name is one word, without spaces");
      assert.strictEqual(validate("my-model:latest"), undefined);
    });

    it("Pull Base Model sends the document, whose FROM the server reads", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.pull");
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.pull", arguments: [{ uri: MODELFILE.toString() }] }]);
    });

    it("Push Model asks for the name, defaulting from the file, and sends it as the model", async () => {
      const client = await activated();
      vscode.answers.inputBox = () => "me/llama-coder";
      await client.invoke("modelfile-ls.push");
      assert.strictEqual(vscode.recorded.inputBoxes[0].title, "Push Model");
      assert.strictEqual(vscode.recorded.inputBoxes[0].value, "llama-coder");
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.push", arguments: [{ model: "me/llama-coder" }] }]);
    });

    it("Extract lists the installed models, offers them in a quick pick and extracts the pick", async () => {
      const client = await activated();
      // The server's answer (modelfile_ls/lsp/ollama_commands.py list_models).
      lc.server.answers.set("modelfile-ls.listModels", {
        host: "http://127.0.0.1:11434",
        models: [
          { name: "llama3.2:latest", size: 2019393189, family: "llama", parameter_size: "3.2B", quantization_level: "Q4_K_M" },
          { name: "qwen2.5:0.5b", size: 397821319, family: "", parameter_size: "", quantization_level: "" },
        ],
        error: null,
      });
      vscode.answers.quickPick = (items) => items[1];
      await client.invoke("modelfile-ls.extract");
      assert.deepStrictEqual(
        vscode.recorded.quickPicks[0].items.map((i: { label: string; description?: string }) => [i.label, i.description]),
        [
          ["llama3.2:latest", "3.2B · Q4_K_M · llama"],
          ["qwen2.5:0.5b", undefined],
        ],
      );
      assert.deepStrictEqual(sent(), [
        { command: "modelfile-ls.listModels", arguments: [] },
        { command: "modelfile-ls.extract", arguments: [{ model: "qwen2.5:0.5b" }] },
      ]);
    });

    it("Extract reads a plain list of names and Ollama's {models: [{name, details}]} too", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.listModels", ["phi3:mini"]);
      await client.invoke("modelfile-ls.extract");
      assert.deepStrictEqual(sent()[1], { command: "modelfile-ls.extract", arguments: [{ model: "phi3:mini" }] });
      lc.server.answers.set("modelfile-ls.listModels", { models: [{ model: "mistral:7b", details: { parameter_size: "7B" } }] });
      await client.invoke("modelfile-ls.extract");
      assert.deepStrictEqual(vscode.recorded.quickPicks[1].items, [{ label: "mistral:7b", description: "7B" }]);
      assert.deepStrictEqual(sent()[3], { command: "modelfile-ls.extract", arguments: [{ model: "mistral:7b" }] });
    });

    it("Extract with no installed models warns and extracts nothing", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.listModels", []);
      await client.invoke("modelfile-ls.extract");
      assert.deepStrictEqual(sent().map((s) => s.command), ["modelfile-ls.listModels"]);
      assert.match(vscode.recorded.warnings[0], /no installed models/);
    });

    it("Extract sends nothing when the quick pick is dismissed", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.listModels", ["llama3.2:latest"]);
      vscode.answers.quickPick = () => undefined;
      await client.invoke("modelfile-ls.extract");
      assert.deepStrictEqual(sent().map((s) => s.command), ["modelfile-ls.listModels"]);
    });

    it("Sync Registry sends no argument", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.refreshRegistry");
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.refreshRegistry", arguments: [] }]);
    });

    it("a command that already has its argument (a code lens) goes through unchanged", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.pull", { model: "llama3.2" });
      assert.deepStrictEqual(sent(), [{ command: "modelfile-ls.pull", arguments: [{ model: "llama3.2" }] }]);
      assert.deepStrictEqual(vscode.recorded.inputBoxes, []);
    });

    it("a command run from an editor menu, which passes the editor's Uri, is filled as from the palette", async () => {
      const client = await activated();
      await client.invoke("modelfile-ls.create", MODELFILE, { groupId: 1 });
      assert.deepStrictEqual(sent(), [
        { command: "modelfile-ls.create", arguments: [{ uri: MODELFILE.toString(), name: "llama-coder" }] },
      ]);
    });

    it("every server command in package.json is handled by the middleware", async () => {
      const client = await activated();
      lc.server.answers.set("modelfile-ls.listModels", ["llama3.2:latest"]);
      const serverCommands = manifest.contributes.commands
        .map((c: { command: string }) => c.command)
        .filter((id: string) => id.startsWith("modelfile-ls."));
      for (const command of serverCommands) {
        lc.server.sent = [];
        await client.invoke(command);
        assert.strictEqual(sent()[sent().length - 1]?.command, command, `${command} sent nothing`);
        const args = sent()[sent().length - 1].arguments;
        assert.ok(args.length <= 1, `${command} sent ${args.length} arguments`);
      }
    });

    it("Restart Server stops the client and starts a new one", async () => {
      const first = await activated();
      await vscode.commands.executeCommand("modelfile.restartServer");
      assert.strictEqual(first.stops, 1);
      assert.strictEqual(lc.clients.length, 2);
      assert.strictEqual(lc.clients[1].starts, 1);
    });

    it("Show Server Log shows the client's output channel", async () => {
      const client = await activated();
      await vscode.commands.executeCommand("modelfile.showServerLog");
      assert.strictEqual(client.clientOptions.outputChannel.shown, 1);
      assert.strictEqual(client.clientOptions.outputChannel.name, "Modelfile Language Server");
    });

    it("registers exactly the client-side commands package.json declares", async () => {
      await activated();
      const declared = manifest.contributes.commands
        .map((c: { command: string }) => c.command)
        .filter((id: string) => !id.startsWith("modelfile-ls."));
      assert.deepStrictEqual([...vscode.recorded.commands.keys()].sort(), declared.sort());
    });
  });

  describe("configuration middleware", () => {
    it("answers the modelfile section without the extension's server and trace keys", async () => {
      const client = await activated();
      const configuration = client.clientOptions.middleware.workspace.configuration;
      const result = await configuration(
        { items: [{ section: "modelfile" }, { section: "editor" }] },
        undefined,
        async () => [
          { ignore: ["MF104"], server: { path: "" }, trace: { server: "off" }, "ollama-host": null },
          { server: "kept" },
        ],
      );
      assert.deepStrictEqual(result, [{ ignore: ["MF104"], "ollama-host": null }, { server: "kept" }]);
    });

    it("passes an error answer through", async () => {
      const client = await activated();
      const configuration = client.clientOptions.middleware.workspace.configuration;
      const error = new Error("no workspace");
      assert.strictEqual(await configuration({ items: [{ section: "modelfile" }] }, undefined, async () => error), error);
    });
  });

  describe("Ollama status item", () => {
    const NOTIFICATION = "modelfile-ls/ollamaStatus";

    function item(): vscode.FakeStatusBarItem {
      return vscode.recorded.statusItems[0];
    }

    it("starts unknown and shows while a Modelfile is active", async () => {
      await activated();
      assert.strictEqual(item().text, "$(sync~spin) Ollama");
      assert.strictEqual(item().visible, true);
      vscode.setActiveDocument(new vscode.FakeDocument(vscode.Uri.file("/a.py"), "python"));
      assert.strictEqual(item().visible, false);
      vscode.setActiveDocument(new vscode.FakeDocument(MODELFILE, "modelfile"));
      assert.strictEqual(item().visible, true);
    });

    it("shows the server's connected notification with version and model count", async () => {
      const client = await activated();
      client.notify(NOTIFICATION, { host: "http://127.0.0.1:11434", state: "connected", version: "0.12.3", models: 4, message: null });
      assert.strictEqual(item().text, "$(check) Ollama 0.12.3");
      assert.strictEqual(item().tooltip, "Ollama at http://127.0.0.1:11434 is connected, 4 models installed. Click to sync the registry.");
      assert.strictEqual(item().backgroundColor, undefined);
    });

    it("counts a list of models", async () => {
      const client = await activated();
      client.notify(NOTIFICATION, { state: "connected", models: ["a"] });
      assert.match(String(item().tooltip), /1 model installed/);
    });

    it("warns when Ollama is unreachable, with the server's message", async () => {
      const client = await activated();
      client.notify(NOTIFICATION, { host: "http://127.0.0.1:1", state: "unreachable", message: "connection refused" });
      assert.strictEqual(item().text, "$(debug-disconnect) Ollama unreachable");
      assert.strictEqual(item().tooltip, "Ollama at http://127.0.0.1:1 is not reachable: connection refused. Click to retry.");
      assert.deepStrictEqual(item().backgroundColor, new vscode.ThemeColor("statusBarItem.warningBackground"));
    });

    it("runs Sync Registry when clicked", async () => {
      await activated();
      assert.deepStrictEqual(item().command, { command: "modelfile-ls.refreshRegistry", title: "Sync Registry", arguments: [] });
    });

    it("goes back to unknown on restart", async () => {
      const client = await activated();
      client.notify(NOTIFICATION, { state: "connected", version: "0.12.3" });
      await vscode.commands.executeCommand("modelfile.restartServer");
      assert.strictEqual(item().text, "$(sync~spin) Ollama");
    });
  });
});
