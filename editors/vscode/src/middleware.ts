// Client middleware: arguments for palette invocations of the server's commands, what their
// answers show, and the `modelfile` configuration section without the extension's own keys.
import * as vscode from "vscode";
import type { Middleware } from "vscode-languageclient/node";
import { paletteArguments } from "./commands";
import { answered, PromptPreviewProvider } from "./preview";

export const SECTION = "modelfile";

/** Sub-sections of `modelfile.*` read by the extension, never sent to the server (it rejects
 * unknown keys with a configuration error). */
export const CLIENT_SECTIONS = ["server", "trace"];

export function withoutClientSections(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return value;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of CLIENT_SECTIONS) {
    delete copy[key];
  }
  return copy;
}

/** The arguments a command came with, none when an editor menu ran it: editor/title and
 * editor/context pass the editor's resource (a vscode.Uri, then VS Code's editor context), which
 * the server cannot read; a server command's own argument is one plain object. */
export function givenArguments(args: unknown[]): unknown[] {
  return args[0] instanceof vscode.Uri ? [] : args;
}

export function createMiddleware(previews: PromptPreviewProvider): Middleware {
  return {
    // vscode-languageclient registers every command of the server's executeCommandProvider
    // and routes its invocations here; the command palette passes no arguments.
    executeCommand: async (command, args, next) => {
      const execute = async (id: string, values: unknown[]) => next(id, values);
      const given = givenArguments(args);
      const filled = given.length > 0 ? given : await paletteArguments(command, execute);
      return filled === undefined ? undefined : answered(command, await next(command, filled), previews);
    },
    workspace: {
      configuration: async (params, token, next) => {
        const result = await next(params, token);
        if (!Array.isArray(result)) {
          return result;
        }
        return result.map((value, index) =>
          params.items[index]?.section === SECTION ? withoutClientSections(value) : value,
        );
      },
    },
  };
}
