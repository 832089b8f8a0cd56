// The geokg executable as a user meets it: spawned as a process, right after npm install (no build step).
// Checks --help, --version and that an unknown command fails with a message instead of a stack trace.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/geokg');

function geokg(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, cwd: root });
}

describe('bin/geokg', () => {
  it('prints help with the command groups and exits 0', () => {
    const r = geokg('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: geokg/m);
    expect(r.stdout).toMatch(/\bneo4j\b/);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = geokg('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('has --help on the neo4j commands', () => {
    for (const sub of ['start', 'stop', 'status', 'fetch']) {
      const r = geokg('neo4j', sub, '--help');
      expect(r.status, sub).toBe(0);
      expect(r.stdout).toContain(`Usage: geokg neo4j ${sub}`);
    }
    expect(geokg('neo4j', 'start', '--help').stdout).toContain('--port');
  });

  it('rejects an unknown command with a non-zero exit and no stack trace', () => {
    const r = geokg('no-such-command');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
