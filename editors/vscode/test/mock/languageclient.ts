// A stand-in for `vscode-languageclient/node`: records the options the extension builds and
// answers executeCommand requests from a scripted server, through the extension's middleware
// exactly as the real client's ExecuteCommandFeature does.
/* eslint-disable @typescript-eslint/no-explicit-any */

export enum TransportKind {
  stdio = 0,
  ipc = 1,
  pipe = 2,
  socket = 3,
}

export interface SentRequest {
  method: string;
  params: any;
}

export interface SentCommand {
  command: string;
  arguments: unknown[];
}

/** The scripted server: the answer to each command id. */
export const server: { answers: Map<string, unknown>; sent: SentCommand[]; requests: SentRequest[] } = {
  answers: new Map(),
  sent: [],
  requests: [],
};

export const clients: LanguageClient[] = [];

export function reset(): void {
  server.answers = new Map();
  server.sent = [];
  server.requests = [];
  clients.length = 0;
}

export class LanguageClient {
  readonly notificationHandlers = new Map<string, (params: any) => void>();
  running = false;
  starts = 0;
  stops = 0;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly serverOptions: any,
    readonly clientOptions: any,
  ) {
    clients.push(this);
  }

  async start(): Promise<void> {
    this.running = true;
    this.starts += 1;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stops += 1;
  }

  onNotification(method: string, handler: (params: any) => void) {
    this.notificationHandlers.set(method, handler);
    return { dispose: () => this.notificationHandlers.delete(method) };
  }

  /** What the server sending `method` would do. */
  notify(method: string, params: unknown): void {
    this.notificationHandlers.get(method)?.(params);
  }

  /** A request sent past the middleware; workspace/executeCommand answers as the server does. */
  async sendRequest(method: string, params: any): Promise<unknown> {
    server.requests.push({ method, params });
    return method === "workspace/executeCommand" ? (server.answers.get(params.command) ?? null) : null;
  }

  /** What VS Code does when a user runs the server command `command` (from the palette: no
   * arguments): the registered handler passes it through the middleware to the server. */
  async invoke(command: string, ...args: unknown[]): Promise<unknown> {
    const send = async (id: string, values: unknown[]) => {
      server.sent.push({ command: id, arguments: values });
      return server.answers.get(id) ?? null;
    };
    const middleware = this.clientOptions.middleware?.executeCommand;
    return middleware ? middleware(command, args, send) : send(command, args);
  }
}
