import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This Tenure's version (the core package's), recorded with every schema migration a workspace receives. */
export const tenureVersion: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
).version;
