// Shared helpers of the server tests: a real geokg server on a free loopback port over a real store,
// and a small fetch wrapper that returns status, headers and parsed JSON.

import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/listen.js';
import type { AppOptions } from '../../src/server/app.js';
import type { GraphStore } from '../../src/store/types.js';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';

export const SAMPLE = path.join(PROJECT_ROOT, 'data', 'sample', '000_72676987deda64ed.txt');

export async function tempHome(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'geokg-server-test-'));
}

export async function serve(store: GraphStore, extra: Partial<AppOptions> = {}): Promise<RunningServer> {
  return startServer({ store, host: '127.0.0.1', port: 0, ...extra });
}

/** A parsed JSON object of an answer: the tests read fields from it and assert on them. */
export type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Answer {
  status: number;
  type: string;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(base: string, pathAndQuery: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(new URL(pathAndQuery, base), init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json };
}

export function postCypher(base: string, query: unknown, params?: unknown): Promise<Answer> {
  return call(base, '/api/cypher', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params === undefined ? { query } : { query, params }),
  });
}

/** An error answer must be JSON {error, area} and never a stack trace. */
export function expectCleanError(a: Answer): void {
  if (!a.json || typeof a.json.error !== 'string' || typeof a.json.area !== 'string') {
    throw new Error(`not a JSON error: ${a.status} ${a.text.slice(0, 200)}`);
  }
  if (/\bat .+:\d+:\d+\)?/.test(a.text) || /node_modules|\.ts:\d+/.test(a.text)) {
    throw new Error(`error leaks a stack trace: ${a.text.slice(0, 300)}`);
  }
}
