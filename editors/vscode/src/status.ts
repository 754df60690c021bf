// The status bar item with Ollama's connection state, fed by the server's notification
// (modelfile_ls/vocabulary.py OLLAMA_STATUS_NOTIFICATION).
import * as vscode from "vscode";
import { LANGUAGE_ID, REFRESH_REGISTRY } from "./commands";

export const OLLAMA_STATUS_NOTIFICATION = "modelfile-ls/ollamaStatus";

export interface OllamaStatus {
  host?: string | null;
  state: "connected" | "unreachable" | "unknown";
  version?: string | null;
  /** How many models are installed (or their list). */
  models?: number | unknown[] | null;
  message?: string | null;
}

function modelCount(models: OllamaStatus["models"]): number | undefined {
  if (typeof models === "number") {
    return models;
  }
  return Array.isArray(models) ? models.length : undefined;
}

export class OllamaStatusItem implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private status: OllamaStatus = { state: "unknown" };
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem("modelfile.ollama", vscode.StatusBarAlignment.Right, 100);
    this.item.name = "Ollama connection";
    this.item.command = { command: REFRESH_REGISTRY, title: "Sync Registry", arguments: [] };
    this.render();
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
    this.follow(vscode.window.activeTextEditor);
  }

  update(status: OllamaStatus): void {
    this.status = status;
    this.render();
  }

  /** Shown while a Modelfile is the active editor, like a language status. */
  follow(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === LANGUAGE_ID) {
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  private render(): void {
    const { state, host, version, message } = this.status;
    const where = host ? ` at ${host}` : "";
    const count = modelCount(this.status.models);
    const models = count === undefined ? "" : `, ${count} model${count === 1 ? "" : "s"} installed`;
    if (state === "connected") {
      this.item.text = `$(check) Ollama${version ? ` ${version}` : ""}`;
      this.item.tooltip = `Ollama${where} is connected${models}. Click to sync the registry.`;
      this.item.backgroundColor = undefined;
    } else if (state === "unreachable") {
      this.item.text = "$(debug-disconnect) Ollama unreachable";
      this.item.tooltip = `Ollama${where} is not reachable${message ? `: ${message}` : ""}. Click to retry.`;
      this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
    } else {
      this.item.text = "$(sync~spin) Ollama";
      this.item.tooltip = `Connecting to Ollama${where}…`;
      this.item.backgroundColor = undefined;
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
