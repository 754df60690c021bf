// Loaded by mocha first (.mocharc.json): `require("vscode")` and
// `require("vscode-languageclient/node")` answer the stand-ins in this folder.
/* eslint-disable @typescript-eslint/no-explicit-any */
import Module = require("module");
import * as languageclient from "./languageclient";
import * as vscode from "./vscode";

const stand_ins: Record<string, unknown> = {
  vscode,
  "vscode-languageclient/node": languageclient,
};

const load = (Module as any)._load;
(Module as any)._load = function (request: string, ...rest: unknown[]) {
  return request in stand_ins ? stand_ins[request] : load.call(this, request, ...rest);
};
