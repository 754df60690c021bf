// Finding the language server: `modelfile.server.path`, then `modelfile-ls` on PATH, then
// `python -m modelfile_ls` with the configured interpreter (or python3 on PATH).
import { execFile } from "child_process";
import { constants, promises as fs } from "fs";
import * as path from "path";

export const SERVER_EXECUTABLE = "modelfile-ls";
export const SERVER_MODULE = "modelfile_ls";
export const INSTALL_HINT = "pip install modelfile-ls";

export interface ServerSettings {
  /** `modelfile.server.path`: the `modelfile-ls` executable. */
  path?: string | null;
  /** `modelfile.server.pythonPath`: an interpreter that has `modelfile_ls` installed. */
  pythonPath?: string | null;
}

export interface FoundServer {
  found: true;
  command: string;
  args: string[];
  /** Which step of the search found it, for the log. */
  via: "modelfile.server.path" | "PATH" | "python";
}

export interface MissingServer {
  found: false;
  /** What was tried and how to fix it, shown to the user as is. */
  message: string;
}

export type Discovery = FoundServer | MissingServer;

export interface Environment {
  PATH?: string;
  PATHEXT?: string;
  platform: NodeJS.Platform;
  /** Whether `interpreter -c "import modelfile_ls"` succeeds. */
  importsServer(interpreter: string): Promise<boolean>;
}

export function processEnvironment(): Environment {
  return {
    PATH: process.env.PATH,
    PATHEXT: process.env.PATHEXT,
    platform: process.platform,
    importsServer: (interpreter) =>
      new Promise((resolve) => {
        execFile(interpreter, ["-c", `import ${SERVER_MODULE}`], { timeout: 15000 }, (error) =>
          resolve(!error),
        );
      }),
  };
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      return false;
    }
    await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` in the PATH directories (with PATHEXT on Windows). */
export async function which(name: string, env: Environment): Promise<string | undefined> {
  const separator = env.platform === "win32" ? ";" : ":";
  const extensions =
    env.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const directory of (env.PATH ?? "").split(separator)) {
    if (!directory) {
      continue;
    }
    for (const extension of extensions) {
      const candidate = path.join(directory, name + extension.toLowerCase());
      if (await isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function expandHome(file: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home && (file === "~" || file.startsWith("~/")) ? path.join(home, file.slice(1)) : file;
}

export async function findServer(settings: ServerSettings, env: Environment): Promise<Discovery> {
  const configured = settings.path?.trim();
  if (configured) {
    // A configured path that does not work is a mistake to report, not a reason to quietly
    // run some other modelfile-ls from PATH.
    const file = expandHome(configured);
    if (await isExecutable(file)) {
      return { found: true, command: file, args: [], via: "modelfile.server.path" };
    }
    return {
      found: false,
      message:
        `modelfile.server.path is set to "${configured}", which is not an executable file. ` +
        `Point it at the modelfile-ls executable (\`which modelfile-ls\` after ` +
        `\`${INSTALL_HINT}\`), or clear it to search PATH.`,
    };
  }
  const onPath = await which(SERVER_EXECUTABLE, env);
  if (onPath) {
    return { found: true, command: onPath, args: [], via: "PATH" };
  }
  const interpreter = settings.pythonPath?.trim()
    ? expandHome(settings.pythonPath.trim())
    : (await which("python3", env)) ?? (await which("python", env));
  if (interpreter && (await env.importsServer(interpreter))) {
    return { found: true, command: interpreter, args: ["-m", SERVER_MODULE], via: "python" };
  }
  const tried = interpreter
    ? `\`${interpreter} -m ${SERVER_MODULE}\` (the package is not installed for it)`
    : "python -m modelfile_ls (no Python interpreter found: set modelfile.server.pythonPath)";
  return {
    found: false,
    message:
      `The Modelfile language server was not found: no modelfile-ls on PATH, and ${tried}. ` +
      `Install it with \`${INSTALL_HINT}\` (or \`pipx install modelfile-ls\`), ` +
      `or set modelfile.server.path to the executable.`,
  };
}
