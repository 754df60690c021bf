// The server's commands (ids from modelfile_ls/vocabulary.py COMMAND_TITLES; a test holds
// package.json and this file to that table) and the arguments a palette invocation lacks.
import * as vscode from "vscode";
import { suggestedName } from "./modelName";

export const CREATE = "modelfile-ls.create";
export const PULL = "modelfile-ls.pull";
export const PUSH = "modelfile-ls.push";
export const EXTRACT = "modelfile-ls.extract";
export const REFRESH_REGISTRY = "modelfile-ls.refreshRegistry";
export const LIST_MODELS = "modelfile-ls.listModels";
export const PREVIEW_PROMPT = "modelfile-ls.previewPrompt";
export const SAVE_ELEMENT = "modelfile-ls.saveElement";
export const PREVIEW_ELEMENTS = "modelfile-ls.previewElements";
export const NEW_FROM_ELEMENTS = "modelfile-ls.newFromElements";
export const SAVE_DRAFT = "modelfile-ls.saveDraft";
export const OPEN_DRAFT = "modelfile-ls.openDraft";

/** The prompt preview, registry element and draft commands
 * (modelfile_ls/lsp/element_commands.py): they answer `{"error": message}` when they fail. */
export const ELEMENT_COMMANDS = [
  PREVIEW_PROMPT,
  SAVE_ELEMENT,
  PREVIEW_ELEMENTS,
  NEW_FROM_ELEMENTS,
  SAVE_DRAFT,
  OPEN_DRAFT,
];

/** The extension's own commands (they act on the client, not the server). */
export const RESTART_SERVER = "modelfile.restartServer";
export const SHOW_SERVER_LOG = "modelfile.showServerLog";

export const LANGUAGE_ID = "modelfile";

/** Sends a server command and answers its result (the middleware's `next`). */
export type Execute = (command: string, args: unknown[]) => Promise<unknown>;

/** One named-field object, or no argument at all: every server command takes at most one. */
export type CommandArguments = [Record<string, unknown>] | [];

export function activeModelfile(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document : undefined;
}

function requireModelfile(action: string): vscode.TextDocument | undefined {
  const document = activeModelfile();
  if (!document) {
    void vscode.window.showErrorMessage(`Modelfile: open a Modelfile to ${action}.`);
  }
  return document;
}

/** A command's argument: the active Modelfile's `uri` and `fields`, or undefined (and an error
 * message saying what to open) when no Modelfile is active. */
function documentArguments(action: string, fields: Record<string, unknown> = {}): CommandArguments | undefined {
  const document = requireModelfile(action);
  return document ? [{ uri: document.uri.toString(), ...fields }] : undefined;
}

/** The active editor's selection as an LSP `range` field, none when nothing is selected (the
 * server then reads the whole document). */
function selectionField(): Record<string, unknown> {
  const selection = vscode.window.activeTextEditor?.selection;
  if (!selection || selection.isEmpty) {
    return {};
  }
  const position = (at: vscode.Position) => ({ line: at.line, character: at.character });
  return { range: { start: position(selection.start), end: position(selection.end) } };
}

async function askModelName(
  document: vscode.TextDocument,
  verb: "Create" | "Push",
): Promise<string | undefined> {
  const value = suggestedName(document.uri.fsPath) ?? "";
  const example = verb === "Push" ? "you/mybot" : "mybot";
  const name = await vscode.window.showInputBox({
    title: verb === "Create" ? "Create Model in Ollama" : "Push Model",
    prompt: `Name of the model to ${verb.toLowerCase()}, as in \`ollama ${verb.toLowerCase()} ${example}\``,
    value,
    valueSelection: [0, value.length],
    validateInput: (text) => (/^\S+$/.test(text.trim()) ? undefined : "A model name is one word, without spaces"),
  });
  return name?.trim() || undefined;
}

interface InstalledModel {
  name: string;
  detail?: string;
}

/** The installed models in whatever shape the server answers listModels with: a list of
 * names, a list of `{name|model, details}` objects (as Ollama's /api/tags), or `{models}`. */
export function installedModels(result: unknown): InstalledModel[] {
  const list = Array.isArray(result)
    ? result
    : result && typeof result === "object" && Array.isArray((result as { models?: unknown }).models)
      ? (result as { models: unknown[] }).models
      : [];
  const models: InstalledModel[] = [];
  for (const entry of list) {
    if (typeof entry === "string") {
      models.push({ name: entry });
    } else if (entry && typeof entry === "object") {
      const record = entry as Record<string, unknown>;
      const name = record.name ?? record.model;
      if (typeof name !== "string") {
        continue;
      }
      const details = (record.details ?? record) as Record<string, unknown>;
      const detail = [details.parameter_size, details.quantization_level, details.family]
        .filter((part): part is string => typeof part === "string" && part.length > 0)
        .join(" · ");
      models.push(detail ? { name, detail } : { name });
    }
  }
  return models;
}

async function pickInstalledModel(execute: Execute): Promise<string | undefined> {
  const models = installedModels(await execute(LIST_MODELS, []));
  if (models.length === 0) {
    void vscode.window.showWarningMessage(
      "Modelfile: Ollama has no installed models to extract (or is not reachable).",
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    models.map((model) => ({ label: model.name, description: model.detail })),
    { title: "Extract Modelfile from Installed Model", placeHolder: "Installed model" },
  );
  return picked?.label;
}

/** The argument for a command invoked without one (the palette), or undefined when the user
 * cancelled or nothing can be run. */
export async function paletteArguments(
  command: string,
  execute: Execute,
): Promise<CommandArguments | undefined> {
  switch (command) {
    case CREATE: {
      const document = requireModelfile("create a model");
      const name = document && (await askModelName(document, "Create"));
      return document && name ? [{ uri: document.uri.toString(), name }] : undefined;
    }
    case PUSH: {
      // Push sends an installed model to its registry: it needs only the model's name.
      const document = requireModelfile("push its model");
      const model = document && (await askModelName(document, "Push"));
      return model ? [{ model }] : undefined;
    }
    case PULL:
      return documentArguments("pull its base model");
    case EXTRACT: {
      const model = await pickInstalledModel(execute);
      return model ? [{ model }] : undefined;
    }
    case PREVIEW_PROMPT:
      // The extension opens the preview itself, beside the Modelfile (preview.ts).
      return documentArguments("preview its prompt", { show: false });
    case SAVE_ELEMENT:
      return documentArguments("save an element", selectionField());
    case PREVIEW_ELEMENTS:
      return documentArguments("preview its elements", selectionField());
    case SAVE_DRAFT:
      return documentArguments("save it as a draft");
    // These need no document: the server asks for the base, the elements or the draft.
    case NEW_FROM_ELEMENTS:
    case OPEN_DRAFT:
    case REFRESH_REGISTRY:
      return [];
    default: {
      // Any other server command reads the document it acts on from `uri` when it needs one.
      const document = activeModelfile();
      return document ? [{ uri: document.uri.toString() }] : [];
    }
  }
}
