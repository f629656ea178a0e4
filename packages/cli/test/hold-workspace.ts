/**
 * Child process of the lock test: opens a workspace with the library, prints "ready" and holds it until killed.
 *   node --conditions=source --import tsx/esm packages/cli/test/hold-workspace.ts <workspace>
 */
import { openWorkspace } from '@tenure/core';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-workspace.ts <workspace>');
const ws = await openWorkspace(dir);
process.stdout.write('ready\n');
const release = () => {
  void ws.close().finally(() => process.exit(0));
};
process.on('SIGTERM', release);
process.on('SIGINT', release);
setInterval(() => undefined, 60_000);
