import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/metrics/catalog.ts';
import { metricsDoc } from './metrics-doc.ts';

describe('docs/metrics.md', () => {
  it('is generated from the catalogue (run npm run docs:metrics after changing a metric)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'metrics.md'), 'utf8');
    expect(doc).toBe(metricsDoc(catalog));
  });
});
