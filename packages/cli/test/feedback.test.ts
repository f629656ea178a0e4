/**
 * `tenure feedback analyse | topics` on a demo workspace, as a user runs them: nothing before an analysis, the
 * analysis with its held-out sentiment AUC per language (JSON and Chinese), the topics by volume, a bad option.
 */
import { join } from 'node:path';
import type { FeedbackAnalysis, VoiceTopicRow } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let demo: string;
beforeAll(async () => {
  tmp = tempDir();
  demo = join(tmp, 'demo');
  const r = await tenure(['demo', '--customers', '1500', '--months', '24', '-w', demo]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

describe('tenure feedback on the demo business', SLOW, () => {
  it('has no topics before an analysis, and refuses a bad option', async () => {
    const none = await tenure(['feedback', 'topics', '-w', demo, '--json']);
    expect(none.code, none.stderr).toBe(0);
    expect(json<{ topics: unknown[] }>(none).topics).toEqual([]);
    expectJsonError(await tenure(['feedback', 'analyse', '--topics', '1', '-w', demo, '--json']), 3, 'TEN_BAD_OPTION');
    expectJsonError(
      await tenure(['feedback', 'topics', '--text-lang', 'fr', '-w', demo, '--json']),
      3,
      'TEN_BAD_OPTION',
    );
  });

  it('analyses both languages and lists the topics by volume', async () => {
    const run = await tenure(['feedback', 'analyse', '-w', demo, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = json<FeedbackAnalysis & { runId: number }>(run);
    expect(r.langs.zh.documents + r.langs.en.documents).toBe(r.documents);
    expect(r.langs.en.auc).toBeGreaterThan(0.8);
    const zh = await tenure(['feedback', 'topics', '--text-lang', 'zh', '--lang', 'zh', '-w', demo]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('话题');
    const topics = json<{ topics: VoiceTopicRow[] }>(await tenure(['feedback', 'topics', '-w', demo, '--json']));
    const volumes = topics.topics.map((t) => t.documents);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    expect(topics.topics[0]!.examples).toHaveLength(1);
  });
});
