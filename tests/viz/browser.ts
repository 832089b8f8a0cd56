// Real headless Chromium for the viewer tests (Debian's /usr/bin/chromium through playwright-core), and a
// `geokg start` child process on a free port: the same start-up a user gets from `npm start`.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';

export const CHROMIUM_PATH = process.env.GEOKG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium or throws saying why: a viewer test must fail, never skip, when there is no browser. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (err) {
    throw new Error(
      `Chromium could not be launched from ${CHROMIUM_PATH} (install Debian's chromium package, as .ci/run does): ` +
        (err as Error).message,
      { cause: err },
    );
  }
}

export interface StartedServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `bin/geokg start --port 0 …` (or `serve`) and resolves with the URL it prints. */
export function startGeokg(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 240_000,
  command: 'start' | 'serve' = 'start',
): Promise<StartedServer> {
  const child = spawn(path.join(PROJECT_ROOT, 'bin', 'geokg'), [command, '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`geokg start printed no URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving the \w+ store at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`geokg start exited with ${code}:\n${out}`));
    });
  });
}
