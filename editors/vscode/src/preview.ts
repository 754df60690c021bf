// The prompt preview as a virtual document (`modelfile-preview:PATH.prompt?SOURCE`, see
// modelfile_ls/lsp/element_commands.py): its text comes from the server, in the answer to
// Preview Prompt and in the `modelfile-ls/promptPreview` notification it sends after each change
// of the Modelfile, so an open preview follows the edits.
import * as vscode from "vscode";
import { ELEMENT_COMMANDS, PREVIEW_PROMPT } from "./commands";

export const PREVIEW_SCHEME = "modelfile-preview";
export const PROMPT_PREVIEW_NOTIFICATION = "modelfile-ls/promptPreview";

/** The notification's payload, and Preview Prompt's answer. */
export interface PromptPreview {
  uri: string;
  source?: string;
  version?: number | null;
  text: string;
  error?: string | null;
  sample?: string | null;
}

/** Asks the server for the preview of a Modelfile URI (Preview Prompt with `show: false`). */
export type RequestPreview = (source: string) => Promise<unknown>;

function isPreview(value: unknown): value is PromptPreview {
  const record = value as Partial<PromptPreview> | null;
  return typeof record?.uri === "string" && typeof record.text === "string";
}

/** The message of an `{"error": message}` answer. */
export function errorOf(value: unknown): string | undefined {
  const error = (value as { error?: unknown } | null)?.error;
  return typeof error === "string" ? error : undefined;
}

export class PromptPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly request: RequestPreview) {}

  /** Keeps a preview the server sent and tells VS Code its document changed; its URI. */
  update(preview: unknown): vscode.Uri | undefined {
    if (!isPreview(preview)) {
      return undefined;
    }
    const uri = vscode.Uri.parse(preview.uri);
    this.texts.set(uri.toString(), preview.text);
    this.changed.fire(uri);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) {
      return known;
    }
    // A preview VS Code reopened (a restored editor) before the server sent it: asking for it
    // also makes the server follow its Modelfile again.
    const answer = uri.query ? await this.request(uri.query) : undefined;
    if (isPreview(answer)) {
      this.texts.set(uri.toString(), answer.text);
      return answer.text;
    }
    return errorOf(answer) ?? "Run Modelfile: Preview Prompt in the Modelfile to render its prompt.";
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What the extension does with an element command's answer: shows its error, and opens a
 * prompt preview beside its Modelfile (unless the server already showed it). */
export async function answered(command: string, result: unknown, previews: PromptPreviewProvider): Promise<unknown> {
  if (!ELEMENT_COMMANDS.includes(command)) {
    return result;
  }
  const error = errorOf(result);
  if (error !== undefined) {
    // Worded as the server's own window/showMessage of it: VS Code replaces a notification by
    // an identical one, so the user reads it once.
    void vscode.window.showErrorMessage(`modelfile-ls: ${error}`);
    return result;
  }
  const uri = command === PREVIEW_PROMPT ? previews.update(result) : undefined;
  if (uri && (result as { shown?: unknown }).shown !== true) {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: true,
    });
  }
  return result;
}
