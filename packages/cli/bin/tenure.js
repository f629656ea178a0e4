#!/usr/bin/env node
// Runs the compiled JavaScript that `npm run build` writes to dist/ (the root `prepare` script builds it on every
// `npm ci`). On Node 22 and later, V8's compile cache makes every start after the first one faster still.
import module from 'node:module';

module.enableCompileCache?.();
// Every DuckDB call (a statement's parse, prepare, run and each chunk fetched) runs on a thread of libuv's pool,
// which is created on first use with 4 threads. A running import, the rollup refresh and a slow view each hold one
// for as long as their statement runs, so with 4 an agent's three-statement case write queued behind them for
// seconds. The threads mostly wait on DuckDB, so more of them than cores costs little. A size the user set wins.
process.env.UV_THREADPOOL_SIZE ??= '32';
await import('../dist/main.js');
