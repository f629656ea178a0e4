/** Writes docs/metrics.md from the metric catalogue (npm run docs:metrics); metrics-doc.test.ts keeps them equal. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@tenure/core';
import { metricsDoc } from '../packages/core/test/metrics-doc.ts';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'metrics.md'), metricsDoc(catalog));
