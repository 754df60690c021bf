// Client middleware: arguments for palette invocations of the server's commands, and the
// `modelfile` configuration section without the keys that belong to this extension.
import type { Middleware } from "vscode-languageclient/node";
import { paletteArguments } from "./commands";

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

export function createMiddleware(): Middleware {
  return {
    // vscode-languageclient registers every command of the server's executeCommandProvider
    // and routes its invocations here; the command palette passes no arguments.
    executeCommand: async (command, args, next) => {
      if (args.length > 0) {
        return next(command, args);
      }
      const execute = async (id: string, values: unknown[]) => next(id, values);
      const filled = await paletteArguments(command, execute);
      return filled === undefined ? undefined : next(command, filled);
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
