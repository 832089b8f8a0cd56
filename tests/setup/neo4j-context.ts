// The Neo4j connection the global setup hands to test files through Vitest's provide/inject.
// Declared once here so both sides agree on its shape; tests read it through tests/helpers/neo4j.ts.

export interface Neo4jTestConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** 'local': the embedded server the global setup started for this run; 'external': from NEO4J_URI. */
  source: 'local' | 'external';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestConfig;
  }
}
