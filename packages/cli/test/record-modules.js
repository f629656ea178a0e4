// Preloaded into a `tenure` child process (NODE_OPTIONS=--import=…) by startup.test.ts: registers loader hooks
// that append the URL of every module the process loads to the file named by TENURE_MODULE_LOG. Plain JavaScript,
// so the built CLI runs with it on every Node version without a TypeScript loader.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

// CommonJS modules loaded with require() (the DuckDB binding) bypass the hooks: list them from require's cache.
const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  const files = Object.keys(cache).map((f) => `${pathToFileURL(f).href}\n`);
  appendFileSync(process.env.TENURE_MODULE_LOG, files.join(''));
});

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(process.env.TENURE_MODULE_LOG)}, url + '\\n');
      return next(url, context);
    }
  `)}`,
);
