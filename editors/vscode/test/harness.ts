// The extension activated against the stand-in vscode module and language client, with a fake
// `modelfile-ls` on PATH and a Modelfile as the active editor, for each test of a suite.
import * as assert from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as extension from "../src/extension";
import { Environment } from "../src/server";
import * as lc from "./mock/languageclient";
import * as vscode from "./mock/vscode";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const manifest = require("../../package.json");

export const MODELFILE = vscode.Uri.file("/work/llama-coder/Modelfile");

export function context(): { subscriptions: { dispose(): unknown }[]; extension: { packageJSON: unknown } } {
  return { subscriptions: [], extension: { packageJSON: manifest } };
}

let serverDirectory = "";

export function fakeServerDirectory(): string {
  return serverDirectory;
}

export async function activated(): Promise<lc.LanguageClient> {
  const env: Environment = { PATH: serverDirectory, platform: "linux", importsServer: async () => false };
  await extension.activate(context() as never, env);
  const client = lc.clients[lc.clients.length - 1];
  assert.ok(client, "the extension started no language client");
  return client;
}

export function sent(): lc.SentCommand[] {
  return lc.server.sent;
}

/** Installs the suite's hooks: a fake server directory, fresh stand-ins, deactivation. */
export function useExtension(): void {
  before(async () => {
    serverDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "modelfile-ls-bin-"));
    await fs.writeFile(path.join(serverDirectory, "modelfile-ls"), "#!/bin/sh\n", { mode: 0o755 });
  });

  after(async () => {
    await fs.rm(serverDirectory, { recursive: true, force: true });
  });

  beforeEach(() => {
    vscode.reset();
    lc.reset();
    vscode.setActiveDocument(new vscode.FakeDocument(MODELFILE, "modelfile"));
  });

  afterEach(async () => {
    await extension.deactivate();
  });
}
