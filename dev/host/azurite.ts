import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Azurite's well-known development account (public, documented by Microsoft). */
export const DEV_ACCOUNT = "devstoreaccount1";
export const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface AzuriteOptions {
  /** Data folder; omit for in-memory storage. */
  location?: string;
  tablePort?: number;
  blobPort?: number;
}

export interface RunningAzurite {
  connectionString: string;
  tablePort: number;
  blobPort: number;
  /** Stops one service only (tests of a half-available store). */
  stopService(service: "table" | "blob"): Promise<void>;
  /** Kills one service at once, as a crash would (SIGKILL: no shutdown, no final save). */
  killService(service: "table" | "blob"): Promise<void>;
  /** Starts a stopped or killed service again on its port, with its data folder. */
  restartService(service: "table" | "blob"): Promise<void>;
  stop(): Promise<void>;
}

const bin = (name: string) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

/** A port nobody listens on right now (azurite-table prints ":0" when given port 0, so we pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  port: number;
}

/** Spawns one Azurite service and waits for the line that says where it listens. */
function startService(service: "table" | "blob", port: number, location: string | undefined): Promise<Started> {
  const args = [
    `--${service}Host`,
    "127.0.0.1",
    `--${service}Port`,
    String(port),
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--loose",
    "--silent",
  ];
  if (location) {
    mkdirSync(location, { recursive: true });
    args.push("--location", location);
  } else args.push("--inMemoryPersistence");
  const child = spawn(bin(`azurite-${service}`), args, { stdio: ["ignore", "pipe", "pipe"] });
  // If our process ends without stopping Azurite (a crash, a killed test worker), take it along.
  const reap = () => child.kill();
  process.once("exit", reap);
  child.once("exit", () => process.off("exit", reap));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`Azurite ${service} did not start within 30 s:\n${out}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /successfully (?:listens|started) on (?:https?:\/\/)?[\d.]+:(\d+)/i.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        child.stderr!.resume();
        const printed = Number(m[1]);
        resolve({ child, port: printed === 0 ? port : printed });
      } else if (/EADDRINUSE/.test(out)) fail(new Error(`Azurite ${service} failed:\n${out}`));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Azurite ${service} exited (${code}):\n${out}`)));
  });
}

async function startWithRetry(
  service: "table" | "blob",
  wanted: number | undefined,
  location: string | undefined,
): Promise<Started> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startService(service, wanted ?? (await freePort()), location);
    } catch (e) {
      // A free port can be taken between our check and Azurite's bind: pick another.
      if (wanted !== undefined || attempt >= 3) throw e;
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts Azurite's table and blob services on free ports (or the given ones). */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const started = await Promise.all([
    startWithRetry("table", options.tablePort, options.location),
    startWithRetry("blob", options.blobPort, options.location),
  ]);
  const services = { table: started[0], blob: started[1] };
  const [table, blob] = started;
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${blob.port}/${DEV_ACCOUNT};TableEndpoint=http://127.0.0.1:${table.port}/${DEV_ACCOUNT};`;
  return {
    connectionString,
    tablePort: table.port,
    blobPort: blob.port,
    stopService: (service) => stopChild(services[service].child),
    killService: (service) => {
      const { child } = services[service];
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      });
    },
    restartService: async (service) => {
      services[service] = await startService(service, services[service].port, options.location);
    },
    stop: async () => {
      await Promise.all([stopChild(services.table.child), stopChild(services.blob.child)]);
    },
  };
}
