// A stand-in for the `vscode` module (only the API the extension uses), with recorders and
// scripted answers so tests can drive prompts and check what the extension showed.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) {
      listener(value);
    }
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(fsPath: string): Uri {
    return new Uri("file", fsPath);
  }
  static parse(text: string): Uri {
    return text.startsWith("file://") ? new Uri("file", decodeURIComponent(text.slice(7))) : new Uri(text.split(":")[0], text);
  }
  /** Decoded, as VS Code's Uri.query is. */
  get query(): string {
    const at = this.fsPath.indexOf("?");
    return this.scheme === "file" || at < 0 ? "" : decodeURIComponent(this.fsPath.slice(at + 1));
  }
  toString(): string {
    return this.scheme === "file" ? `file://${encodeURI(this.fsPath)}` : this.fsPath;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Selection {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
  get isEmpty(): boolean {
    return this.start.line === this.end.line && this.start.character === this.end.character;
  }
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class FakeDocument {
  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    readonly text = "",
  ) {}
  getText(): string {
    return this.text;
  }
}

export class FakeStatusBarItem {
  text = "";
  tooltip: string | undefined;
  name: string | undefined;
  command: unknown;
  backgroundColor: ThemeColor | undefined;
  visible = false;
  disposed = false;
  constructor(
    readonly id: string,
    readonly alignment: StatusBarAlignment,
    readonly priority: number,
  ) {}
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.disposed = true;
  }
}

export class FakeOutputChannel {
  lines: string[] = [];
  shown = 0;
  constructor(readonly name: string) {}
  appendLine(line: string): void {
    this.lines.push(line);
  }
  append(text: string): void {
    this.lines.push(text);
  }
  show(): void {
    this.shown += 1;
  }
  dispose(): void {}
}

export interface Recorded {
  inputBoxes: any[];
  quickPicks: { items: any[]; options: any }[];
  errors: { message: string; items: string[] }[];
  warnings: string[];
  infos: string[];
  statusItems: FakeStatusBarItem[];
  outputs: FakeOutputChannel[];
  commands: Map<string, (...args: any[]) => any>;
  executed: { command: string; args: any[] }[];
  clipboard: string[];
  contentProviders: Map<string, any>;
  opened: { uri: Uri; options: any }[];
}

export const recorded: Recorded = {
  inputBoxes: [],
  quickPicks: [],
  errors: [],
  warnings: [],
  infos: [],
  statusItems: [],
  outputs: [],
  commands: new Map(),
  executed: [],
  clipboard: [],
  contentProviders: new Map(),
  opened: [],
};

/** What the next prompts answer: a value, or undefined for Escape. */
export const answers: {
  inputBox: (options: any) => string | undefined;
  quickPick: (items: any[]) => any;
  errorChoice: string | undefined;
} = {
  inputBox: (options) => options.value,
  quickPick: (items) => items[0],
  errorChoice: undefined,
};

const activeEditorChanged = new EventEmitter<any>();
export const configurationValues = new Map<string, unknown>();

export function reset(): void {
  recorded.inputBoxes = [];
  recorded.quickPicks = [];
  recorded.errors = [];
  recorded.warnings = [];
  recorded.infos = [];
  recorded.statusItems = [];
  recorded.outputs = [];
  recorded.commands = new Map();
  recorded.executed = [];
  recorded.clipboard = [];
  recorded.contentProviders = new Map();
  recorded.opened = [];
  answers.inputBox = (options) => options.value;
  answers.quickPick = (items) => items[0];
  answers.errorChoice = undefined;
  configurationValues.clear();
  window.activeTextEditor = undefined;
}

/** Makes `document` the active editor (or none), firing onDidChangeActiveTextEditor. */
export function setActiveDocument(document: FakeDocument | undefined, selection = new Selection(0, 0, 0, 0)): void {
  window.activeTextEditor = document ? { document, selection } : undefined;
  activeEditorChanged.fire(window.activeTextEditor);
}

export const window = {
  activeTextEditor: undefined as { document: FakeDocument; selection: Selection } | undefined,
  onDidChangeActiveTextEditor: activeEditorChanged.event,
  async showInputBox(options: any): Promise<string | undefined> {
    recorded.inputBoxes.push(options);
    return answers.inputBox(options);
  },
  async showQuickPick(items: any[], options: any): Promise<any> {
    recorded.quickPicks.push({ items, options });
    return answers.quickPick(items);
  },
  async showErrorMessage(message: string, ...items: string[]): Promise<string | undefined> {
    recorded.errors.push({ message, items });
    return answers.errorChoice;
  },
  async showWarningMessage(message: string): Promise<undefined> {
    recorded.warnings.push(message);
    return undefined;
  },
  async showInformationMessage(message: string): Promise<undefined> {
    recorded.infos.push(message);
    return undefined;
  },
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority: number): FakeStatusBarItem {
    const item = new FakeStatusBarItem(id, alignment, priority);
    recorded.statusItems.push(item);
    return item;
  },
  async showTextDocument(document: FakeDocument, options: any): Promise<void> {
    recorded.opened.push({ uri: document.uri, options });
  },
  createOutputChannel(name: string): FakeOutputChannel {
    const channel = new FakeOutputChannel(name);
    recorded.outputs.push(channel);
    return channel;
  },
};

export const workspace = {
  registerTextDocumentContentProvider(scheme: string, provider: any) {
    recorded.contentProviders.set(scheme, provider);
    return { dispose: () => recorded.contentProviders.delete(scheme) };
  },
  /** A virtual document's text comes from the provider registered for its scheme. */
  async openTextDocument(uri: Uri): Promise<FakeDocument> {
    const provider = recorded.contentProviders.get(uri.scheme);
    const text = provider ? await provider.provideTextDocumentContent(uri) : "";
    return new FakeDocument(uri, "plaintext", text);
  },
  getConfiguration(section: string) {
    return {
      get<T>(key: string): T | undefined {
        return configurationValues.get(`${section}.${key}`) as T | undefined;
      },
    };
  },
};

export const commands = {
  registerCommand(id: string, handler: (...args: any[]) => any) {
    recorded.commands.set(id, handler);
    return { dispose: () => recorded.commands.delete(id) };
  },
  async executeCommand(command: string, ...args: any[]): Promise<unknown> {
    recorded.executed.push({ command, args });
    return recorded.commands.get(command)?.(...args);
  },
};

export const env = {
  clipboard: {
    async writeText(text: string): Promise<void> {
      recorded.clipboard.push(text);
    },
  },
};
