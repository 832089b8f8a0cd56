// Progress of `geokg extract` and `geokg ingest` on stderr, by records and by input bytes read of the total.
// A corpus file of a million articles is one file, so a count of files, or of documents without a total, says little.

import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';

export interface RunProgressOptions {
  /** The command, first on the line: `extract` or `ingest`. */
  label: string;
  /** Sum of the input files' sizes; 0 when unknown (the bar then counts documents against `totalRecords`). */
  totalBytes: number;
  /** A bar on a terminal, else nothing (or a line every `pipedEveryMs` when that is given). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  pipedEveryMs?: number;
  /** Shows the relations count (ingest). */
  relations?: boolean;
  /** Clock, for tests. */
  now?: () => number;
}

export interface ProgressState {
  records: number;
  bytes: number;
  totalBytes: number;
  relations: number;
  /** Documents per second since the start. */
  rate: number;
}

const MB = 1024 * 1024;

/** Sum of the sizes of the files a run will read (missing ones count 0: they fail at once). */
export async function sizeOf(files: Array<{ path: string; error?: string }>): Promise<number> {
  let total = 0;
  for (const f of files) {
    if (f.error) continue;
    try {
      total += (await stat(f.path)).size;
    } catch {
      // Reported as a failed input by the reader; it adds nothing to read.
    }
  }
  return total;
}

const mb = (n: number) => (n / MB).toFixed(n < 10 * MB ? 1 : 0);

/** One line of the run's state: `12 documents, 1.2/3.4 MB (35 %), 8.5 documents/s, 40 relations`. */
export function describeProgress(s: ProgressState, opts: { relations?: boolean; percent?: boolean } = {}): string {
  const pct = Math.min(100, Math.floor((100 * s.bytes) / Math.max(1, s.totalBytes)));
  const bytes =
    s.totalBytes > 0 ? `, ${mb(s.bytes)}/${mb(s.totalBytes)} MB${opts.percent === false ? '' : ` (${pct} %)`}` : '';
  return (
    `${s.records} document${s.records === 1 ? '' : 's'}${bytes}, ${s.rate.toFixed(1)} documents/s` +
    (opts.relations ? `, ${s.relations} relations` : '')
  );
}

/** Time left at the byte rate so far (the document rate cannot say: the number of records is not known). */
export function etaOf(bytes: number, totalBytes: number, elapsedMs: number): string {
  if (bytes <= 0 || elapsedMs <= 0) return '…';
  const secs = Math.max(0, Math.round(((totalBytes - bytes) * elapsedMs) / bytes / 1000));
  return secs >= 3600
    ? `${Math.floor(secs / 3600)}h ${Math.floor((secs % 3600) / 60)}m`
    : secs >= 60
      ? `${Math.floor(secs / 60)}m ${secs % 60}s`
      : `${secs}s`;
}

/** Counts records and bytes; draws a bar on a terminal, or prints a line now and then when piped (if asked to). */
export class RunProgress {
  private readonly state: ProgressState;
  private readonly started: number;
  private readonly now: () => number;
  private readonly bar?: cliProgress.SingleBar;
  private lastLine: number;

  constructor(private readonly opts: RunProgressOptions) {
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    this.lastLine = this.started;
    this.state = { records: 0, bytes: 0, totalBytes: opts.totalBytes, relations: 0, rate: 0 };
    const stream = opts.stream;
    if (stream?.isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          stream,
          // By bytes, so the percentage and the ETA hold for a corpus whose record count is unknown until its end.
          format:
            opts.totalBytes > 0 ? `${opts.label} [{bar}] {percentage}% | {line} | ETA {left}` : `${opts.label} {line}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
    }
  }

  /** Bytes read (ReadOptions.onBytes); an arrow function so it can be passed as it is. */
  readonly onBytes = (n: number): void => {
    this.state.bytes += n;
    this.update();
  };

  /** One more record read and processed (or failed); `relations` is the run's total so far when it is known. */
  record(relations?: number): void {
    this.state.records++;
    if (relations !== undefined) this.state.relations = relations;
    this.update();
  }

  /** The records done so far, for callers that count them elsewhere (ingest reports its own `done`). */
  setRecords(records: number, relations?: number): void {
    this.state.records = records;
    if (relations !== undefined) this.state.relations = relations;
    this.update();
  }

  snapshot(): ProgressState {
    return { ...this.state };
  }

  stop(): void {
    this.bar?.stop();
  }

  private update(): void {
    const now = this.now();
    this.state.rate = this.state.records / Math.max((now - this.started) / 1000, 0.001);
    if (this.bar) {
      const payload = {
        line: describeProgress(this.state, { relations: this.opts.relations, percent: false }),
        left: etaOf(this.state.bytes, this.state.totalBytes, now - this.started),
      };
      // Started at the first news, not before: while a store connects there is nothing to show.
      if (!this.bar.isActive) this.bar.start(Math.max(1, this.state.totalBytes), 0, payload);
      this.bar.update(Math.min(this.state.bytes, Math.max(1, this.state.totalBytes)), payload);
      return;
    }
    const line = describeProgress(this.state, { relations: this.opts.relations });
    const every = this.opts.pipedEveryMs;
    if (every !== undefined && this.opts.stream && now - this.lastLine >= every) {
      this.lastLine = now;
      this.opts.stream.write(`${this.opts.label}: ${line}\n`);
    }
  }
}
