/**
 * The text side of the voice of the customer over real HTTP on a demo workspace, each answer compared with the
 * library's: the analysis as a job, topics, documents and trend, the topic edits, who may do what, and refusals.
 */
import { api, voiceDocuments, voiceTopics } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let analyst: Client;
beforeAll(async () => {
  s = await startServer({}, 1500);
  viewer = new Client(s.url, s.keys.viewer);
  analyst = new Client(s.url, s.keys.analyst);
}, 120_000);
afterAll(() => s.close());

type Job = z.infer<typeof api.fitJobSchema>;
type Topics = z.infer<typeof api.voiceTopicsResponse>;
type Topic = z.infer<typeof api.voiceTopicResponse>;
type Documents = z.infer<typeof api.voiceDocumentsResponse>;
type Trend = z.infer<typeof api.voiceTrendResponse>;

const wire = <T>(v: T): api.Wire<T> => JSON.parse(JSON.stringify(api.toWire(v)));

describe('voice text over HTTP', { timeout: 180_000 }, () => {
  it('before an analysis: no topics, no documents', async () => {
    const r = await viewer.get<Topics>('/api/v1/voice/topics');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ analysed_at: null, documents: 0, topics: [] });
  });

  it('analyses as a job an analyst starts and a viewer may not', async () => {
    expectProblem(await viewer.call('POST', '/api/v1/voice/analyse', { json: {} }), 403, 'TEN_FORBIDDEN');
    expectProblem(await analyst.call('POST', '/api/v1/voice/analyse', { json: { topics: 1 } }), 400, 'TEN_BAD_OPTION');
    const start = await analyst.call<Job>('POST', '/api/v1/voice/analyse', { json: { topics: 8 } });
    expect(start.status, start.text).toBe(202);
    const poll = () => viewer.get<Job>(`/api/v1/models/jobs/${start.body.job_id}`).then((r) => r.body);
    await expect.poll(async () => (await poll()).state, { timeout: 90_000 }).toBe('done');
    expect((await poll()).run?.model).toBe('voice_text');
  });

  it('reads topics, documents and the trend as the library computes them', async () => {
    const topics = await viewer.get<Topics>('/api/v1/voice/topics?lang=en');
    expect(topics.body).toEqual(wire(await voiceTopics(s.ws, { lang: 'en' })));
    expect(topics.body.topics.length).toBeGreaterThan(2);
    const first = topics.body.topics[0]!;
    const docs = await viewer.get<Documents>(`/api/v1/voice/documents?topic_id=${first.topic_id}&page_size=5`);
    expect(docs.body).toEqual(wire(await voiceDocuments(s.ws, { topicId: first.topic_id, pageSize: 5 })));
    expect(docs.body.total).toBe(first.documents);
    const trend = await viewer.get<Trend>(`/api/v1/voice/trend?topic_id=${first.topic_id}`);
    expect(trend.body.rows.reduce((n, r) => n + r.documents, 0)).toBe(first.documents);
    expectProblem(await viewer.get('/api/v1/voice/documents?source=email'), 400, 'TEN_BAD_OPTION');
  });

  it('lets analysts rename, merge, create and delete topics, and refuses an unknown one', async () => {
    const { topics } = (await viewer.get<Topics>('/api/v1/voice/topics?lang=en&examples=0')).body;
    const [a, b] = topics;
    expectProblem(
      await viewer.call('PATCH', `/api/v1/voice/topics/${a!.topic_id}`, { json: { label: 'x' } }),
      403,
      'TEN_FORBIDDEN',
    );
    const renamed = await analyst.call<Topic>('PATCH', `/api/v1/voice/topics/${a!.topic_id}`, {
      json: { label: 'Network quality' },
    });
    expect(renamed.body).toMatchObject({
      label: 'Network quality',
      pinned: true,
      updated_by: expect.stringMatching(/^key:/),
    });
    const merged = await analyst.call<Topic>('POST', `/api/v1/voice/topics/${a!.topic_id}/merge`, {
      json: { topic_ids: [b!.topic_id] },
    });
    expect(merged.status, merged.text).toBe(200);
    const docs = await viewer.get<Documents>(`/api/v1/voice/documents?topic_id=${a!.topic_id}&page_size=1`);
    expect(docs.body.total).toBe(a!.documents + b!.documents);
    const created = await analyst.call<Topic>('POST', '/api/v1/voice/topics', {
      json: { lang: 'zh', label: '安装', terms: ['安装', '师傅'] },
    });
    expect(created.status).toBe(201);
    const gone = await analyst.call<{ topic_id: string; documents: number }>(
      'DELETE',
      `/api/v1/voice/topics/${created.body.topic_id}`,
    );
    expect(gone.body).toEqual({ topic_id: created.body.topic_id, documents: 0 });
    expectProblem(
      await analyst.call('PATCH', '/api/v1/voice/topics/nope', { json: { label: 'x' } }),
      404,
      'TEN_VOICE_TOPIC_NOT_FOUND',
    );
    expectProblem(
      await analyst.call('POST', `/api/v1/voice/topics/${a!.topic_id}/merge`, { json: { topic_ids: [a!.topic_id] } }),
      422,
      'TEN_VOICE_TOPIC_MERGE',
    );
  });
});
