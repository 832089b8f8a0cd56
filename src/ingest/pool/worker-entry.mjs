// Entry of an extraction worker thread: registers tsx in this thread (workers do not inherit the parent's loader
// hooks), then loads the TypeScript worker, which loads the extractor's lexicons and models once for its lifetime.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
