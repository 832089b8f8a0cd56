// Resolves the jars of the local Neo4j (tools/neo4j-local/pom.xml) into tools/neo4j-local/lib with Maven.
// First call downloads from Maven Central into ~/.m2; later calls see the marker and return at once.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeokgError } from '../errors.js';

/** tools/neo4j-local, found from this file so the CLI works from any working directory. */
export const NEO4J_TOOL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tools/neo4j-local');
export const NEO4J_LIB_DIR = path.join(NEO4J_TOOL_DIR, 'lib');
export const LAUNCHER_PATH = path.join(NEO4J_TOOL_DIR, 'Launcher.java');
const POM_PATH = path.join(NEO4J_TOOL_DIR, 'pom.xml');
const MARKER = '.geokg-resolved';

/** The pinned Neo4j version, read from the pom so there is one place to change it. */
export function neo4jVersion(): string {
  const pom = readFileSync(POM_PATH, 'utf8');
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!m?.[1]) throw new GeokgError('neo4j', `no <neo4j.version> in ${POM_PATH}`);
  return m[1];
}

function pomHash(): string {
  return createHash('sha256').update(readFileSync(POM_PATH)).digest('hex');
}

/** True when lib/ holds the jars of the current pom (the marker is written only after a complete copy). */
export function jarsResolved(): boolean {
  const marker = path.join(NEO4J_LIB_DIR, MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === pomHash();
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Makes sure lib/ holds Neo4j's jars and returns its path. Safe to call from several processes at once:
 * each copies into its own temporary folder and only a complete copy is renamed into place.
 */
export async function ensureJars(onStatus: (message: string) => void = () => {}): Promise<string> {
  if (jarsResolved()) return NEO4J_LIB_DIR;
  const version = neo4jVersion();
  onStatus(`resolving Neo4j ${version} jars with Maven (first start only; cached in ~/.m2)…`);
  const tmp = `${NEO4J_LIB_DIR}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  let result: { code: number; output: string };
  try {
    result = await run(
      mvn,
      [
        '-B',
        '-q',
        '-f',
        POM_PATH,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
      ],
      NEO4J_TOOL_DIR,
    );
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      throw new GeokgError(
        'neo4j',
        'Maven (mvn) is needed once to fetch the Neo4j jars from Maven Central: install it (Debian: apt-get install maven) or set NEO4J_URI to a running Neo4j',
        { cause: err },
      );
    }
    throw new GeokgError('neo4j', `could not run mvn: ${e.message}`, { cause: err });
  }
  if (result.code !== 0) {
    await rm(tmp, { recursive: true, force: true });
    const tail = result.output.trim().split('\n').slice(-15).join('\n');
    throw new GeokgError('neo4j', `mvn could not resolve Neo4j ${version} (exit ${result.code}):\n${tail}`);
  }
  await writeFile(path.join(tmp, MARKER), `${pomHash()}\n`);
  if (jarsResolved()) {
    // Another process finished first; its copy is as good as ours.
    await rm(tmp, { recursive: true, force: true });
    return NEO4J_LIB_DIR;
  }
  await rm(NEO4J_LIB_DIR, { recursive: true, force: true });
  try {
    await rename(tmp, NEO4J_LIB_DIR);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    if (!jarsResolved()) throw new GeokgError('neo4j', `could not move jars into ${NEO4J_LIB_DIR}`, { cause: err });
  }
  const marker = await readFile(path.join(NEO4J_LIB_DIR, MARKER), 'utf8');
  if (marker.trim() !== pomHash()) throw new GeokgError('neo4j', `jar folder ${NEO4J_LIB_DIR} is incomplete`);
  return NEO4J_LIB_DIR;
}
