// A worker thread starts without the TypeScript loader of the thread that started it (tsx's under
// `npm run db:generate`, Vite's under Vitest), so it registers tsx's before loading the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./world.worker.ts');
