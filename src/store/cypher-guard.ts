// The read-only Cypher guard: asks Neo4j itself (EXPLAIN) what a query would do and refuses anything but a plain read.
// No Cypher is parsed here; comments, spacing and casing tricks cannot hide an operator from the planner's own plan.

import { QueryRefusedError } from '../errors.js';

/** Read procedures a researcher may CALL from a read-only query: schema listings and the full-text index. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.index.fulltext.queryNodes',
]);

/**
 * SHOW commands that only list this database's schema (what db.schema.visualization shows anyway). Every other
 * SHOW/TERMINATE command reveals or ends other sessions' work (SHOW TRANSACTIONS carries their query text) or the
 * server's configuration (SHOW SETTINGS).
 */
const ALLOWED_COMMANDS: ReadonlySet<string> = new Set(['ShowIndexes', 'ShowConstraints']);

/** The parts of a driver ResultSummary the guard reads (kept structural so the guard is testable without a server). */
export interface PlanLike {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanLike[];
}

export interface ExplainSummaryLike {
  queryType?: string | null;
  plan?: PlanLike | false | null;
}

function operatorName(p: PlanLike): string {
  // Neo4j 5 suffixes the database: `LoadCSV@neo4j`.
  return p.operatorType.replace(/@.*$/, '');
}

function procedureName(p: PlanLike): string {
  const details = String(p.arguments.Details ?? p.arguments.Signature ?? '');
  return details.replace(/\(.*$/s, '').trim();
}

/** Every operator of the plan, depth first. */
function operators(plan: PlanLike): PlanLike[] {
  const out: PlanLike[] = [];
  const stack = [plan];
  while (stack.length > 0) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(p.children ?? []));
  }
  return out;
}

/** Why the plan is not a plain read, or null when it is one. */
export function refusalReason(summary: ExplainSummaryLike): string | null {
  if (!summary.plan) return 'Neo4j returned no plan for it';
  for (const op of operators(summary.plan)) {
    const name = operatorName(op);
    if (name === 'LoadCSV') return 'LOAD CSV reads files and URLs on the database server';
    if (name === 'ProcedureCall' || name === 'ProcedureCallLazy') {
      const proc = procedureName(op);
      if (!ALLOWED_PROCEDURES.has(proc)) {
        return `procedure ${proc || '(unknown)'} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`;
      }
      continue;
    }
    if (name === 'TransactionApply' || name === 'TransactionForeach') {
      return 'CALL { … } IN TRANSACTIONS runs its own transactions and is not available to read-only queries';
    }
    if (/^(Show|Terminate)|Administration|Command/.test(name) && !ALLOWED_COMMANDS.has(name)) {
      return `the administration command ${name} is not allowed`;
    }
  }
  // Checked after the operators so that a refused read gets its precise reason; 'r' is the only plain read.
  if (summary.queryType !== 'r') {
    const kind =
      summary.queryType === 's' ? 'a schema or system operation' : summary.queryType ? 'a write' : 'not a read';
    return `the query is ${kind}, not a read (pass --write on the CLI to allow writes)`;
  }
  return null;
}

/** Throws QueryRefusedError unless the EXPLAIN summary describes a plain read. */
export function assertPlainRead(summary: ExplainSummaryLike): void {
  const why = refusalReason(summary);
  if (why) throw new QueryRefusedError(`refused: read-only queries only; ${why}`);
}
