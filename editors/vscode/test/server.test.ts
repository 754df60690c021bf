import * as assert from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Environment, findServer, INSTALL_HINT } from "../src/server";

async function executable(directory: string, name: string): Promise<string> {
  const file = path.join(directory, name);
  await fs.writeFile(file, "#!/bin/sh\n", { mode: 0o755 });
  return file;
}

function environment(PATH: string, importable: string[] = []): Environment & { probed: string[] } {
  const probed: string[] = [];
  return {
    PATH,
    platform: "linux",
    probed,
    importsServer: async (interpreter) => {
      probed.push(interpreter);
      return importable.includes(interpreter);
    },
  };
}

describe("server discovery", () => {
  let root: string;
  let bin: string;
  let empty: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "modelfile-discovery-"));
    bin = path.join(root, "bin");
    empty = path.join(root, "empty");
    await fs.mkdir(bin);
    await fs.mkdir(empty);
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("uses modelfile.server.path first, even when PATH has one", async () => {
    const configured = await executable(root, "my-modelfile-ls");
    await executable(bin, "modelfile-ls");
    const found = await findServer({ path: configured }, environment(bin));
    assert.deepStrictEqual(found, { found: true, command: configured, args: [], via: "modelfile.server.path" });
  });

  it("reports a modelfile.server.path that is not executable instead of falling back", async () => {
    await executable(bin, "modelfile-ls");
    const missing = path.join(root, "nope", "modelfile-ls");
    const found = await findServer({ path: missing }, environment(bin));
    assert.strictEqual(found.found, false);
    assert.ok(!found.found && found.message.includes(`modelfile.server.path is set to "${missing}"`));
  });

  it("then finds modelfile-ls on PATH", async () => {
    const onPath = await executable(bin, "modelfile-ls");
    const found = await findServer({ path: "", pythonPath: "/usr/bin/python3" }, environment(`${empty}:${bin}`));
    assert.deepStrictEqual(found, { found: true, command: onPath, args: [], via: "PATH" });
  });

  it("skips a PATH entry that is not executable", async () => {
    await fs.writeFile(path.join(bin, "modelfile-ls"), "not executable", { mode: 0o644 });
    const env = environment(bin);
    const found = await findServer({}, env);
    assert.strictEqual(found.found, false);
  });

  it("then runs python -m modelfile_ls with the configured interpreter", async () => {
    const python = await executable(root, "python3.12");
    const env = environment(empty, [python]);
    const found = await findServer({ pythonPath: python }, env);
    assert.deepStrictEqual(found, { found: true, command: python, args: ["-m", "modelfile_ls"], via: "python" });
    assert.deepStrictEqual(env.probed, [python]);
  });

  it("falls back to python3 on PATH when no interpreter is configured", async () => {
    const python = await executable(bin, "python3");
    const found = await findServer({}, environment(bin, [python]));
    assert.deepStrictEqual(found, { found: true, command: python, args: ["-m", "modelfile_ls"], via: "python" });
  });

  it("says what it tried and how to install when nothing works", async () => {
    const python = await executable(bin, "python3");
    const found = await findServer({}, environment(bin));
    assert.strictEqual(found.found, false);
    const message = found.found ? "" : found.message;
    assert.match(message, /no modelfile-ls on PATH/);
    assert.ok(message.includes(`${python} -m modelfile_ls`), message);
    assert.ok(message.includes(INSTALL_HINT), message);
    assert.match(message, /modelfile\.server\.path/);
  });

  it("asks for an interpreter setting when there is no Python at all", async () => {
    const found = await findServer({}, environment(empty));
    assert.ok(!found.found && found.message.includes("set modelfile.server.pythonPath"));
  });

  it("probes an interpreter by importing modelfile_ls", async () => {
    const { processEnvironment } = await import("../src/server");
    const good = path.join(root, "good-python");
    await fs.writeFile(good, '#!/bin/sh\n[ "$1" = -c ] && [ "$2" = "import modelfile_ls" ]\n', { mode: 0o755 });
    const bad = path.join(root, "bad-python");
    await fs.writeFile(bad, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    assert.strictEqual(await processEnvironment().importsServer(good), true);
    assert.strictEqual(await processEnvironment().importsServer(bad), false);
    assert.strictEqual(await processEnvironment().importsServer(path.join(root, "absent")), false);
  });
});
