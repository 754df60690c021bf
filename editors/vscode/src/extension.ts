// The Modelfile extension: starts modelfile-ls over stdio and brings its commands, progress
// and Ollama connection state into VS Code.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { LANGUAGE_ID, PREVIEW_PROMPT, RESTART_SERVER, SHOW_SERVER_LOG } from "./commands";
import { CLIENT_SECTIONS, SECTION, createMiddleware } from "./middleware";
import { PREVIEW_SCHEME, PROMPT_PREVIEW_NOTIFICATION, PromptPreviewProvider } from "./preview";
import { Environment, findServer, INSTALL_HINT, processEnvironment } from "./server";
import { OLLAMA_STATUS_NOTIFICATION, OllamaStatus, OllamaStatusItem } from "./status";

export const CLIENT_ID = "modelfile";
export const CLIENT_NAME = "Modelfile Language Server";

interface Session {
  client?: LanguageClient;
  output: vscode.OutputChannel;
  status: OllamaStatusItem;
  previews: PromptPreviewProvider;
  environment: Environment;
  packageJSON: { contributes?: { configuration?: { properties?: Record<string, unknown> } } };
}

let session: Session | undefined;

/** Server settings for initializationOptions: every `modelfile.*` key package.json declares,
 * except the extension's own (server discovery, trace). */
export function serverSettings(
  declared: Record<string, unknown>,
  configuration: vscode.WorkspaceConfiguration,
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(declared)) {
    const name = key.slice(SECTION.length + 1);
    if (!key.startsWith(`${SECTION}.`) || CLIENT_SECTIONS.includes(name.split(".")[0])) {
      continue;
    }
    settings[name] = configuration.get(name) ?? null;
  }
  return settings;
}

async function showMissingServer(message: string): Promise<void> {
  const settings = "Open Settings";
  const copy = "Copy Install Command";
  const choice = await vscode.window.showErrorMessage(`Modelfile: ${message}`, settings, copy);
  if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "modelfile.server");
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_HINT);
  }
}

export async function startClient(current: Session): Promise<LanguageClient | undefined> {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  const discovery = await findServer(
    {
      path: configuration.get<string | null>("server.path"),
      pythonPath: configuration.get<string | null>("server.pythonPath"),
    },
    current.environment,
  );
  if (!discovery.found) {
    current.output.appendLine(discovery.message);
    void showMissingServer(discovery.message);
    return undefined;
  }
  current.output.appendLine(
    `Starting ${[discovery.command, ...discovery.args].join(" ")} (found through ${discovery.via})`,
  );
  const serverOptions: ServerOptions = {
    command: discovery.command,
    args: discovery.args,
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    initializationOptions: serverSettings(
      current.packageJSON.contributes?.configuration?.properties ?? {},
      configuration,
    ),
    outputChannel: current.output,
    middleware: createMiddleware(current.previews),
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client.onNotification(OLLAMA_STATUS_NOTIFICATION, (status: OllamaStatus) =>
    current.status.update(status),
  );
  client.onNotification(PROMPT_PREVIEW_NOTIFICATION, (preview: unknown) => current.previews.update(preview));
  await client.start();
  return client;
}

async function restart(current: Session): Promise<void> {
  const previous = current.client;
  current.client = undefined;
  if (previous) {
    await previous.stop();
  }
  current.status.update({ state: "unknown" });
  current.client = await startClient(current);
}

export async function activate(
  context: vscode.ExtensionContext,
  environment: Environment = processEnvironment(),
): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  const status = new OllamaStatusItem();
  // Straight to the server, not through the middleware: the preview is already being opened.
  const previews = new PromptPreviewProvider(async (source) =>
    current.client?.sendRequest("workspace/executeCommand", {
      command: PREVIEW_PROMPT,
      arguments: [{ uri: source, show: false }],
    }),
  );
  const current: Session = {
    output,
    status,
    previews,
    environment,
    packageJSON: context.extension.packageJSON as Session["packageJSON"],
  };
  session = current;
  context.subscriptions.push(
    output,
    status,
    previews,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.commands.registerCommand(RESTART_SERVER, () => restart(current)),
    vscode.commands.registerCommand(SHOW_SERVER_LOG, () => output.show(true)),
  );
  current.client = await startClient(current);
}

export async function deactivate(): Promise<void> {
  const client = session?.client;
  session = undefined;
  if (client) {
    await client.stop();
  }
}
