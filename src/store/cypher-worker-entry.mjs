// Entry of the Cypher worker thread when geokg runs from TypeScript sources: registers tsx in this thread (workers
// do not inherit the parent's loader hooks), then loads the TypeScript worker (src/store/cypher-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./cypher-worker.ts');
