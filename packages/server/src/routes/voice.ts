import {
  type Actor,
  analyseFeedback,
  api,
  changeTopic,
  createTopic,
  deleteTopic,
  mergeTopics,
  voiceDocuments,
  voiceTopics,
  voiceTrend,
} from '@tenure/core';
import { polled, startFitJob } from '../fit-job.ts';
import { type RouteGroup, route } from '../route.ts';

/**
 * Voice of the customer, the text side (docs/voice.md, "Text"): the analysis of comments, ticket texts, case
 * notes and churn notes runs as a job; topics, documents and the monthly trend are read back (viewers, the
 * agents among them, read); analysts run the analysis and edit the topic list, on the write lane, since an
 * edit moves documents and every cached view of them is then stale.
 */
export const voice: RouteGroup = {
  prefix: '/api/v1/voice',
  tag: 'voice',
  routes: [
    route({
      method: 'POST',
      url: '/analyse',
      config: { access: 'analyst', options: {} },
      schema: {
        summary: 'Analyse every text: language, topics (pinned ones kept), keyphrases, sentiment learned from scores',
        description: polled,
        body: api.voiceAnalyseBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const job = startFitJob(req, 'voice_text', 'write', (ws) => analyseFeedback(ws, req.body));
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'GET',
      url: '/topics',
      config: { access: 'viewer' },
      schema: {
        summary: 'Topics by volume with mean sentiment, customers and example documents',
        querystring: api.voiceTopicsQuery,
        response: { 200: api.voiceTopicsResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['voice-topics', req.query], async (ws) => api.toWire(await voiceTopics(ws, req.query))),
    }),
    route({
      method: 'GET',
      url: '/documents',
      config: { access: 'viewer' },
      schema: {
        summary: 'Documents of a topic, customer, source or language, newest first',
        querystring: api.voiceDocumentsQuery,
        response: { 200: api.voiceDocumentsResponse },
      },
      handler: (req) => {
        const q = api.camelKeys(req.query);
        return req.server.tenure.view(['voice-documents', q], async (ws) => api.toWire(await voiceDocuments(ws, q)));
      },
    }),
    route({
      method: 'GET',
      url: '/trend',
      config: { access: 'viewer' },
      schema: {
        summary: 'Documents and mean sentiment per topic and month',
        querystring: api.voiceTrendQuery,
        response: { 200: api.voiceTrendResponse },
      },
      handler: (req) => {
        const q = api.camelKeys(req.query);
        return req.server.tenure.view(['voice-trend', q], async (ws) => ({
          rows: api.toWire(await voiceTrend(ws, q)),
        }));
      },
    }),
    route({
      method: 'POST',
      url: '/topics',
      config: { access: 'analyst' },
      schema: {
        summary: 'Create a pinned topic from seed terms → 201; the next analysis assigns documents to it',
        body: api.voiceTopicCreateBody,
        response: { 201: api.voiceTopicResponse },
      },
      handler: async (req, reply) => {
        const t = await req.server.tenure.write((ws) => createTopic(ws, req.body, (req.actor as Actor).name));
        req.auditTarget = t.topicId;
        return reply.code(201).send(api.toWire(t));
      },
    }),
    route({
      method: 'PATCH',
      url: '/topics/:topic_id',
      config: { access: 'analyst' },
      schema: {
        summary: 'Rename a topic or change its terms; pins it (404 TEN_VOICE_TOPIC_NOT_FOUND)',
        params: api.voiceTopicParams,
        body: api.voiceTopicChangeBody,
        response: { 200: api.voiceTopicResponse },
      },
      handler: async (req) =>
        api.toWire(
          await req.server.tenure.write((ws) =>
            changeTopic(ws, req.params.topic_id, req.body, (req.actor as Actor).name),
          ),
        ),
    }),
    route({
      method: 'POST',
      url: '/topics/:topic_id/merge',
      config: { access: 'analyst' },
      schema: {
        summary: 'Merge topics into this one: their documents and terms move here (422 TEN_VOICE_TOPIC_MERGE)',
        params: api.voiceTopicParams,
        body: api.voiceTopicMergeBody,
        response: { 200: api.voiceTopicResponse },
      },
      handler: async (req) =>
        api.toWire(
          await req.server.tenure.write((ws) =>
            mergeTopics(ws, req.params.topic_id, req.body.topic_ids, (req.actor as Actor).name, req.body.label),
          ),
        ),
    }),
    route({
      method: 'DELETE',
      url: '/topics/:topic_id',
      config: { access: 'analyst' },
      schema: {
        summary: 'Delete a topic; its documents have none until the next analysis',
        params: api.voiceTopicParams,
        response: { 200: api.voiceTopicDeleteResponse },
      },
      handler: async (req) => api.toWire(await req.server.tenure.write((ws) => deleteTopic(ws, req.params.topic_id))),
    }),
  ],
};
