// vacaturelint VS Code extension: a thin client that only starts and configures
// the Python language server (`<interpreter> -m vacaturelint lsp` or `<path> lsp`).
// No Python libraries are bundled: spaCy and its models live in the user's environment.

import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

const SECTION = "vacaturelint";
const LANGUAGES = ["markdown", "plaintext", "html"];
const SCHEMES = ["file", "untitled"];
/** Settings that change how the server process is started: a change restarts it. */
const LAUNCH_SETTINGS = ["interpreter", "path"];

/** The flat settings object the server expects, in initializationOptions and
 *  as the answer to `workspace/configuration` for section "vacaturelint". */
interface ServerSettings {
  model: string | null;
  select: string[];
  ignore: string[];
  minSeverity: "info" | "warning" | "error" | null;
  config: string | null;
}

interface LaunchCommand {
  command: string;
  args: string[];
  /** Human-readable description for messages, e.g. "python3 -m vacaturelint lsp". */
  display: string;
  /** The interpreter, when started as `<interpreter> -m vacaturelint`. */
  interpreter?: string;
}

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let restarting: Promise<void> | undefined;
let restartAgain = false;

// ---------------------------------------------------------------- settings

function workspaceFolderFor(scope?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  if (scope) {
    const folder = vscode.workspace.getWorkspaceFolder(scope);
    if (folder) {
      return folder;
    }
  }
  return vscode.workspace.workspaceFolders?.[0];
}

/** Expand ~, ${userHome}, ${workspaceFolder} and ${env:NAME} in a path-like setting. */
function expand(value: string, scope?: vscode.Uri): string {
  const folder = workspaceFolderFor(scope);
  let result = value
    .replace(/\$\{userHome\}/g, os.homedir())
    .replace(/\$\{env:([^}]+)\}/g, (_m, name: string) => process.env[name] ?? "");
  if (folder) {
    result = result.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  }
  if (result === "~" || result.startsWith("~/")) {
    result = path.join(os.homedir(), result.slice(1));
  }
  return result;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];
}

function serverSettings(scope?: vscode.Uri): ServerSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const minSeverity = nonEmpty(cfg.get("minSeverity"));
  const config = nonEmpty(cfg.get("config"));
  return {
    model: nonEmpty(cfg.get("model")),
    select: stringList(cfg.get("select")),
    ignore: stringList(cfg.get("ignore")),
    minSeverity:
      minSeverity === "info" || minSeverity === "warning" || minSeverity === "error" ? minSeverity : null,
    config: config === null ? null : expand(config, scope),
  };
}

function launchCommand(): LaunchCommand {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const explicit = nonEmpty(cfg.get("path"));
  if (explicit) {
    const command = expand(explicit);
    return { command, args: ["lsp"], display: `${command} lsp` };
  }
  const interpreter = expand(nonEmpty(cfg.get("interpreter")) ?? "python3");
  return {
    command: interpreter,
    args: ["-m", "vacaturelint", "lsp"],
    display: `${interpreter} -m vacaturelint lsp`,
    interpreter,
  };
}

// ---------------------------------------------------------------- pre-flight check

/** Returns a Dutch error message when the server cannot be started, else undefined. */
function checkLaunch(launch: LaunchCommand, cwd: string | undefined): Promise<string | undefined> {
  if (!launch.interpreter) {
    // Explicit executable: only check that an explicit file path exists; a bare
    // name is looked up on PATH when the client starts it.
    const looksLikePath = launch.command.includes("/") || launch.command.includes("\\");
    if (looksLikePath && !fs.existsSync(launch.command)) {
      return Promise.resolve(
        `vacaturelint-programma niet gevonden: ${launch.command}. Controleer de instelling vacaturelint.path.`,
      );
    }
    return Promise.resolve(undefined);
  }
  const interpreter = launch.interpreter;
  // find_spec does not import the package (and so not spaCy): this stays fast.
  const probe =
    "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('vacaturelint') else 3)";
  return new Promise((resolve) => {
    execFile(interpreter, ["-c", probe], { cwd, timeout: 20000 }, (error) => {
      if (!error) {
        resolve(undefined);
        return;
      }
      const err = error as unknown as { code?: string | number };
      if (err.code === "ENOENT" || err.code === "EACCES") {
        resolve(
          `Python-interpreter niet gevonden: ${interpreter}. ` +
            "Stel vacaturelint.interpreter in op het pad van een Python waarin vacaturelint is geïnstalleerd.",
        );
      } else if (err.code === 3) {
        resolve(`vacaturelint is niet geïnstalleerd voor ${interpreter}: pip install vacaturelint`);
      } else {
        output.appendLine(`Controle van ${interpreter} mislukt: ${String(error)}`);
        resolve(`Kan ${interpreter} niet uitvoeren om vacaturelint te controleren (zie uitvoer "vacaturelint").`);
      }
    });
  });
}

async function showError(message: string): Promise<void> {
  output.appendLine(message);
  const openSettings = "Instellingen openen";
  const showOutput = "Uitvoer tonen";
  const choice = await vscode.window.showErrorMessage(message, openSettings, showOutput);
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "vacaturelint");
  } else if (choice === showOutput) {
    output.show(true);
  }
}

// ---------------------------------------------------------------- client lifecycle

function createClient(launch: LaunchCommand, cwd: string | undefined): LanguageClient {
  const executable: Executable = {
    command: launch.command,
    args: launch.args,
    options: { cwd, env: { ...process.env } },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  const documentSelector: DocumentSelector = [];
  for (const scheme of SCHEMES) {
    for (const language of LANGUAGES) {
      documentSelector.push({ scheme, language });
    }
  }

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    traceOutputChannel: traceOutput,
    initializationOptions: serverSettings(),
    synchronize: {
      // Sends workspace/didChangeConfiguration; the server then re-reads the
      // section with workspace/configuration (answered by the middleware below).
      configurationSection: SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.vacaturelint.{yaml,yml}"),
        vscode.workspace.createFileSystemWatcher("**/pyproject.toml"),
      ],
    },
    middleware: {
      workspace: {
        // Answer section "vacaturelint" with the same flat object as the
        // initializationOptions (not VS Code's raw nested settings tree).
        configuration: async (params, token, next) => {
          const defaults = await next(params, token);
          if (!Array.isArray(defaults)) {
            return defaults;
          }
          return params.items.map((item, index) => {
            if (item.section === SECTION) {
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return serverSettings(scope);
            }
            return defaults[index];
          });
        },
      },
    },
  };

  return new LanguageClient(SECTION, "vacaturelint", serverOptions, clientOptions);
}

async function startServer(): Promise<void> {
  const launch = launchCommand();
  const cwd = workspaceFolderFor()?.uri.fsPath;
  output.appendLine(`Server starten: ${launch.display}${cwd ? ` (map: ${cwd})` : ""}`);

  const problem = await checkLaunch(launch, cwd);
  if (problem) {
    await showError(problem);
    return;
  }

  const newClient = createClient(launch, cwd);
  try {
    await newClient.start();
    client = newClient;
    output.appendLine("Server gestart.");
  } catch (error) {
    output.appendLine(`Starten mislukt: ${String(error)}`);
    await showError(`vacaturelint-server kon niet starten (${launch.display}). Zie uitvoer "vacaturelint".`);
    try {
      await newClient.dispose();
    } catch {
      // already stopped
    }
  }
}

async function stopServer(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (error) {
      output.appendLine(`Stoppen mislukt: ${String(error)}`);
    }
    await old.dispose();
  }
}

/** Restart, serialised: concurrent requests collapse into one extra restart. */
async function restartServer(): Promise<void> {
  if (restarting) {
    restartAgain = true;
    return restarting;
  }
  restarting = (async () => {
    do {
      restartAgain = false;
      await stopServer();
      await startServer();
    } while (restartAgain);
  })();
  try {
    await restarting;
  } finally {
    restarting = undefined;
  }
}

// ---------------------------------------------------------------- activation

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("vacaturelint");
  traceOutput = vscode.window.createOutputChannel("vacaturelint (trace)");
  context.subscriptions.push(output, traceOutput);

  context.subscriptions.push(
    vscode.commands.registerCommand("vacaturelint.restart", async () => {
      output.appendLine("Herstart aangevraagd.");
      await restartServer();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (LAUNCH_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) {
        output.appendLine("Interpreter of pad gewijzigd: server wordt herstart.");
        await restartServer();
      }
      // Other settings reach the running server through workspace/didChangeConfiguration.
    }),
  );

  await restartServer();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
