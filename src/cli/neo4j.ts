// CLI commands of the 'neo4j' group (placeholder until its issue lands: registers nothing yet).
// Owned by the issue that builds this area; main.ts imports register() from here.

import type { Command } from 'commander';

export function register(_program: Command): void {}
