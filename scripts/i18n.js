/**
 * `npm run i18n`: compiles messages/{locale}/*.json into src/lib/paraglide (generated, not committed), as
 * the Vite plugin does on every build. Run by prepare (after an install) and by check, so that type
 * checking, tests and scripts find the messages in a fresh clone. Without the dev dependencies (a
 * production install) there is nothing to compile with, and nothing that needs it: the build has them.
 */
import { paraglideOptions } from '../paraglide.config.js';

let compile;
try {
	({ compile } = await import('@inlang/paraglide-js'));
} catch {
	console.log('i18n: @inlang/paraglide-js is not installed (a production install); messages not compiled.');
	process.exit(0);
}
await compile(paraglideOptions);
