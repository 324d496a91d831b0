/**
 * Preloaded by `npm run serve` and `npm start` (`node --import ./scripts/compile-cache.mjs …`): turns on
 * Node's compile cache (V8's code cache and the TypeScript files' stripped text, in the system's
 * temporary folder, keyed by each file's content) before scripts/serve.ts itself is read. Turned on inside
 * serve.ts it came too late for that file: Node loaded its TypeScript stripper (a WebAssembly build of
 * swc) to read it at every start, about as much CPU as the rest of the start (docs/performance.md).
 * NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
