// The --workers option shared by `geokg extract` and `geokg ingest`: how many extraction threads to run.
// One definition so both commands parse, default and document it the same way.

import { InvalidArgumentError, Option } from 'commander';
import { defaultWorkers } from './pool.js';

export function parseWorkers(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('--workers must be a whole number (0 = no worker threads)');
  return Number(v);
}

export function workersOption(): Option {
  return new Option(
    '-w, --workers <n>',
    'extraction worker threads (0: extract in the main thread); output order does not depend on it',
  )
    .argParser(parseWorkers)
    .default(defaultWorkers(), 'the number of cores');
}
