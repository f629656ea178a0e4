// Preloaded into a `tenure` child process (NODE_OPTIONS=--import=…) by startup.test.ts: registers loader hooks
// that append the URL of every module the process loads to the file named by TENURE_MODULE_LOG. Plain JavaScript,
// so the built CLI runs with it on every Node version without a TypeScript loader.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(process.env.TENURE_MODULE_LOG)}, url + '\\n');
      return next(url, context);
    }
  `)}`,
);
