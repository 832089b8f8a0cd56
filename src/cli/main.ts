// Entry point of the geokg CLI: builds the commander program from one module per command group.
// Each command module exports `register(program)`; main() maps errors to clean messages and exit codes.

import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { register as registerNeo4j } from './neo4j.js';
import { register as registerExtract } from './extract.js';
import { register as registerParse } from './parse.js';
import { register as registerStore } from './store.js';
import { register as registerImport } from './import.js';
import { register as registerServe } from './serve.js';
import { GeokgError } from '../errors.js';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('geokg')
    .description('Knowledge graphs of geopolitical relations from news articles (German and English).')
    .version(pkg.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerExtract(program);
  registerParse(program);
  registerStore(program);
  registerImport(program);
  registerServe(program);
  registerNeo4j(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof GeokgError) {
      process.stderr.write(`geokg: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`geokg: unexpected error: ${message}\n`);
    if (process.env.GEOKG_DEBUG) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 1;
  }
}
