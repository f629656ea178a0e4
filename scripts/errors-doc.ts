/**
 * Writes docs/errors.md from the error-code table (npm run docs:errors). The errors-doc test fails when the
 * two disagree, so the reference cannot drift from the code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes } from '@tenure/core';
import { errorsDoc } from '../packages/core/test/errors-doc.ts';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), errorsDoc(codes));
