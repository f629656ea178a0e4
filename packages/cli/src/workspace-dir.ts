import { dirname, join, resolve } from 'node:path';
import { isWorkspace } from '@tenure/core/shell';

/** The folder `npm start` and `npm run demo` build, so the README's commands find it from the repository root. */
export const DEMO_WORKSPACE = 'demo-workspace';
/** Where a command without --workspace looks last: `tenure init` creates it. */
export const FALLBACK_WORKSPACE = 'tenure-workspace';

/**
 * The workspace of a command run without --workspace, in this order: TENURE_WORKSPACE; the current folder or the
 * nearest folder above it that is a workspace (holds tenure.config.json); ./demo-workspace when it is one; else
 * ./tenure-workspace. Documented in the README ("Which workspace").
 */
export function defaultWorkspace(cwd = process.cwd()): string {
  if (process.env.TENURE_WORKSPACE) return process.env.TENURE_WORKSPACE;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isWorkspace(dir)) return dir;
    if (dirname(dir) === dir) break;
  }
  return isWorkspace(join(cwd, DEMO_WORKSPACE)) ? DEMO_WORKSPACE : FALLBACK_WORKSPACE;
}
