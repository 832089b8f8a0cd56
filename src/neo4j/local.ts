// Start, stop and inspect the local embedded Neo4j (tools/neo4j-local/Launcher.java) from Node.
// Used by `geokg neo4j start|stop|status` (background, survives the CLI) and by the test harness (attached child).

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { GeokgError } from '../errors.js';
import { ensureJars, LAUNCHER_PATH, neo4jVersion } from './jars.js';
import { boltHandshake, isPortFree, LOOPBACK } from './net.js';

export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_HEAP = '1g';
export const DEFAULT_PAGE_CACHE = '256m';
const PID_FILE = 'geokg-neo4j.pid';
const LOG_FILE = 'geokg-neo4j.log';
const READY_LINE = 'geokg-neo4j: ready ';
/** Netty event loops of the Bolt server (see the JVM arguments in startLocalNeo4j). */
const BOLT_EVENT_LOOPS = 128;
// Launcher.java's exit code for "port already in use".
const EXIT_PORT_BUSY = 2;

/** Where geokg keeps its local state (embedded store, local Neo4j): $GEOKG_HOME, else ./.geokg. */
export function geokgHome(): string {
  return path.resolve(process.env.GEOKG_HOME || '.geokg');
}

export function defaultDataDir(): string {
  return path.join(geokgHome(), 'neo4j');
}

export interface StartOptions {
  port?: number;
  /** Neo4j home: data/, logs/, plus our pid and log files. Created if missing. */
  dataDir?: string;
  /** JVM heap cap, e.g. "1g". */
  heap?: string;
  /** Page cache size, e.g. "256m". */
  pageCache?: string;
  /**
   * 'background': detached, outlives this process (the CLI). 'attached': a child that shuts down when this
   * process exits, even on SIGKILL, because it watches the stdin pipe we hold (the test harness).
   */
  mode?: 'background' | 'attached';
  timeoutMs?: number;
  onStatus?: (message: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  logFile: string;
  /** Milliseconds from spawn until Bolt answered. */
  startMs: number;
  /** Stops this server (SIGTERM → shutdown hook → clean store) and waits for the process to end. */
  stop(): Promise<void>;
}

export interface PidRecord {
  pid: number;
  port: number;
  uri: string;
  startedAt: string;
  version: string;
}

export interface Neo4jStatus {
  state: 'running' | 'stopped' | 'stale';
  dataDir: string;
  logFile: string;
  record?: PidRecord;
  /** Negotiated Bolt version when the server answered a handshake. */
  bolt?: string | null;
}

const SIZE = /^\d+[kmg]?$/i;

function validate(opts: StartOptions): Required<Omit<StartOptions, 'onStatus'>> {
  const port = opts.port ?? DEFAULT_BOLT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new GeokgError('neo4j', `invalid port ${String(opts.port)}: expected an integer 1–65535`);
  }
  const heap = opts.heap ?? DEFAULT_HEAP;
  const pageCache = opts.pageCache ?? DEFAULT_PAGE_CACHE;
  if (!SIZE.test(heap)) throw new GeokgError('neo4j', `invalid heap size "${heap}": use e.g. 512m or 1g`);
  if (!SIZE.test(pageCache)) throw new GeokgError('neo4j', `invalid page cache size "${pageCache}": use e.g. 256m`);
  return {
    port,
    heap,
    pageCache,
    dataDir: path.resolve(opts.dataDir ?? defaultDataDir()),
    mode: opts.mode ?? 'background',
    timeoutMs: opts.timeoutMs ?? 180_000,
  };
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  const candidate = home ? path.join(home, 'bin', 'java') : '';
  return candidate && existsSync(candidate) ? candidate : 'java';
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Guards against pid reuse: only a process running our launcher counts as our server. */
function isOurLauncher(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // No procfs (macOS): trust the pid file.
  try {
    return readFileSync(cmdline, 'utf8').includes('Launcher.java');
  } catch {
    return false;
  }
}

async function readPidRecord(dataDir: string): Promise<PidRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path.join(dataDir, PID_FILE), 'utf8')) as Partial<PidRecord>;
    const valid = Number.isInteger(record.pid) && (record.pid ?? 0) > 0 && Number.isInteger(record.port);
    // A damaged pid file is treated like a stale one rather than trusted with a kill().
    return valid ? (record as PidRecord) : { pid: -1, port: 0, uri: '', startedAt: '', version: '' };
  } catch {
    return undefined;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Reports whether a local Neo4j runs for dataDir, from its pid file, the process table and a Bolt handshake. */
export async function localNeo4jStatus(dataDir = defaultDataDir()): Promise<Neo4jStatus> {
  const dir = path.resolve(dataDir);
  const logFile = path.join(dir, LOG_FILE);
  const record = await readPidRecord(dir);
  if (!record) return { state: 'stopped', dataDir: dir, logFile };
  if (!isOurLauncher(record.pid)) return { state: 'stale', dataDir: dir, logFile, record };
  return { state: 'running', dataDir: dir, logFile, record, bolt: await boltHandshake(record.port) };
}

async function waitForExit(pid: number, timeoutMs: number, child?: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child ? child.exitCode !== null || child.signalCode !== null : !isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return false;
}

async function terminate(pid: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  // kill(0) or kill(-1) would signal our process group or every process we may signal: never.
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  if (await waitForExit(pid, timeoutMs, child)) return;
  // The shutdown hook hung; the store recovers from its transaction log on the next start.
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForExit(pid, 10_000, child);
}

/**
 * Stops the local Neo4j of dataDir. Returns the record of the server it stopped, or undefined when none ran
 * (a stale pid file is removed).
 */
export async function stopLocalNeo4j(dataDir = defaultDataDir(), timeoutMs = 60_000): Promise<PidRecord | undefined> {
  const dir = path.resolve(dataDir);
  const record = await readPidRecord(dir);
  if (!record) return undefined;
  const running = isOurLauncher(record.pid);
  if (running) await terminate(record.pid, timeoutMs);
  if (running && isProcessAlive(record.pid)) {
    throw new GeokgError('neo4j', `Neo4j (pid ${record.pid}) did not stop; see ${path.join(dir, LOG_FILE)}`);
  }
  await rm(path.join(dir, PID_FILE), { force: true });
  return running ? record : undefined;
}

/**
 * Starts the local Neo4j and resolves once Bolt answers on 127.0.0.1:port. Fails fast with a clear message when
 * the port is taken or a server already runs on the data directory, and with the log's tail when start-up fails.
 */
export async function startLocalNeo4j(options: StartOptions = {}): Promise<LocalNeo4j> {
  const { port, heap, pageCache, dataDir, mode, timeoutMs } = validate(options);
  const onStatus = options.onStatus ?? (() => {});
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (err) {
    throw new GeokgError('neo4j', `cannot use ${dataDir} as the data directory: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const logFile = path.join(dataDir, LOG_FILE);

  const existing = await localNeo4jStatus(dataDir);
  if (existing.state === 'running' && existing.record) {
    throw new GeokgError(
      'neo4j',
      `a local Neo4j is already running for ${dataDir} at ${existing.record.uri} (pid ${existing.record.pid}); ` +
        'stop it first with `geokg neo4j stop`',
    );
  }
  if (existing.state === 'stale') await rm(path.join(dataDir, PID_FILE), { force: true });
  if (!(await isPortFree(port))) {
    throw new GeokgError(
      'neo4j',
      `port ${LOOPBACK}:${port} is already in use (another Neo4j or program listens there); ` +
        'choose another with --port, or stop that server',
    );
  }

  const libDir = await ensureJars(onStatus);
  const version = neo4jVersion();
  const args = [
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    // Bolt connections share Netty event loops round-robin (2 per core by default), and one loop encodes a whole
    // record before it writes anything else: a 20M-element list held every other connection on that loop for
    // 0.6–1.0 s (issue 10). With many loops (threads start lazily) a hostile connection rarely shares one.
    `-Dio.netty.eventLoopThreads=${BOLT_EVENT_LOOPS}`,
    // Neo4j's own start script passes these; without java.nio start-up fails on Java 17.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    path.join(libDir, '*'),
    LAUNCHER_PATH,
    '--port',
    String(port),
    '--home',
    dataDir,
    '--pagecache',
    pageCache,
  ];
  if (mode === 'attached') args.push('--watch-stdin');

  onStatus(`starting Neo4j ${version} on ${LOOPBACK}:${port} (data ${dataDir})…`);
  const logFd = openSync(logFile, 'w');
  const t0 = Date.now();
  let child: ChildProcess;
  try {
    child = spawn(javaCommand(), args, {
      cwd: dataDir,
      detached: mode === 'background',
      stdio: [mode === 'attached' ? 'pipe' : 'ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  const spawnError = new Promise<NodeJS.ErrnoException>((resolve) => child.once('error', resolve));
  let failure: NodeJS.ErrnoException | undefined;
  void spawnError.then((e) => (failure = e));
  // Neither mode holds our event loop open: an attached server ends when we exit because its stdin pipe closes.
  child.unref();
  const stdin = child.stdin as Socket | null;
  stdin?.on('error', () => {});
  stdin?.unref();

  const pid = child.pid ?? -1;
  const uri = `bolt://${LOOPBACK}:${port}`;
  const pidFile = path.join(dataDir, PID_FILE);
  // Written before the wait, so `stop` finds a server whose starter was interrupted (Ctrl-C) mid-start.
  if (pid > 0) {
    const record: PidRecord = { pid, port, uri, startedAt: new Date().toISOString(), version };
    await writeFile(pidFile, `${JSON.stringify(record)}\n`);
  }
  const fail = async (message: string): Promise<never> => {
    await rm(pidFile, { force: true });
    throw new GeokgError('neo4j', message);
  };

  const deadline = t0 + timeoutMs;
  let ready = false;
  let up = false;
  while (Date.now() < deadline) {
    await sleep(200);
    if (failure) {
      if (failure.code === 'ENOENT') {
        await fail(
          'A Java 17+ JDK is needed to run the local Neo4j: install it (Debian: apt-get install openjdk-17-jdk-headless) ' +
            'or set NEO4J_URI to a running Neo4j',
        );
      }
      await fail(`could not start java: ${failure.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      if (child.exitCode === EXIT_PORT_BUSY) {
        await fail(`port ${LOOPBACK}:${port} is already in use; choose another with --port`);
      }
      await fail(
        `Neo4j exited during start-up (${child.exitCode ?? child.signalCode}). Last lines of ${logFile}:\n${tail(logFile)}`,
      );
    }
    if (!ready) ready = tail(logFile, 50).includes(READY_LINE);
    if (ready && (await boltHandshake(port))) {
      up = true;
      break;
    }
  }
  if (!up) {
    await terminate(pid, 10_000, child);
    await fail(
      `Neo4j did not answer on Bolt at ${LOOPBACK}:${port} within ${Math.round(timeoutMs / 1000)} s. ` +
        `Last lines of ${logFile}:\n${tail(logFile)}`,
    );
  }
  const startMs = Date.now() - t0;
  return {
    uri,
    port,
    pid,
    dataDir,
    logFile,
    startMs,
    stop: async () => {
      await terminate(pid, 60_000, mode === 'attached' ? child : undefined);
      await rm(path.join(dataDir, PID_FILE), { force: true });
    },
  };
}
