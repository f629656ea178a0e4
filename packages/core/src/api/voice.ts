/**
 * Text analysis of what customers write (docs/voice.md, "Text"): survey comments, ticket texts, case notes and
 * churn notes segmented (zh and en), grouped into topics with keyphrases and a sentiment learned from the
 * workspace's own scored answers. The analysis runs as a job; topics, documents and the monthly trend are read
 * back; topics are edited by hand (rename, merge, create with seed terms, delete) and later runs keep the edits.
 */
import { z } from 'zod';
import { analyseOptionsSchema } from '../voice/text/options.ts';
import { VOICE_SOURCES } from '../voice/text/sources.ts';
import { isoDay, pageOf, pageQuery } from './common.ts';
import { wireOptions } from './wire.ts';

const n = z.number().nullable();

/** Where a document comes from: a survey answer's comment, a ticket's text, a case note, a churn note. */
export const voiceSources = VOICE_SOURCES;
export const voiceSource = z.enum(voiceSources);
/** A document's language, detected per document from its share of Han characters. */
export const voiceLangs = ['zh', 'en'] as const;
export const voiceLang = z.enum(voiceLangs);

/** POST /voice/analyse: how many topics to find per language (pinned topics come on top), and the seed. */
export const voiceAnalyseBody = wireOptions(analyseOptionsSchema);

/** A document as the lists show it, with its text and the label of its topic. */
export const voiceDocumentSchema = z.object({
  source: voiceSource,
  doc_id: z.string(),
  customer_id: z.string(),
  at: z.string(),
  lang: voiceLang,
  topic_id: z.string().nullable(),
  topic_label: z.string().nullable(),
  /** Learned from the workspace's scored answers; higher = happier, about −1…1; null before any scored answers. */
  sentiment: n,
  keyphrases: z.array(z.string()),
  text: z.string(),
});

/** A topic: its label (its top terms, or the name a user gave it), terms, whether a user edited it. */
export const voiceTopicSchema = z.object({
  topic_id: z.string(),
  lang: voiceLang,
  label: z.string(),
  terms: z.array(z.string()),
  /** A user renamed, merged or created it: later runs keep it and assign documents to it. */
  pinned: z.boolean(),
  updated_at: z.string(),
  updated_by: z.string().nullable(),
});

/** GET /voice/topics: the topics with their volume, mean sentiment and a few example documents. */
export const voiceTopicsQuery = z.object({
  lang: voiceLang.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  examples: z.coerce.number().int().min(0).max(20).default(3),
});
export const voiceTopicRow = voiceTopicSchema.extend({
  documents: z.number().int(),
  /** documents ÷ the documents of the same language in the window. */
  share: z.number(),
  sentiment: n,
  customers: z.number().int(),
  examples: z.array(voiceDocumentSchema),
});
export const voiceTopicsResponse = z.object({
  /** When the analysis last ran (null: never), and the sentiment model's held-out AUC then. */
  analysed_at: z.string().nullable(),
  sentiment_auc: n,
  documents: z.number().int(),
  topics: z.array(voiceTopicRow),
});

/** GET /voice/documents: the documents of a topic, a customer, a source or a language, newest first. */
export const voiceDocumentsQuery = pageQuery.extend({
  topic_id: z.string().optional(),
  customer_id: z.string().optional(),
  source: voiceSource.optional(),
  lang: voiceLang.optional(),
});
export const voiceDocumentsResponse = pageOf(voiceDocumentSchema);

/** GET /voice/trend: documents and mean sentiment per topic and month. */
export const voiceTrendQuery = z.object({
  lang: voiceLang.optional(),
  topic_id: z.string().optional(),
});
export const voiceTrendResponse = z.object({
  rows: z.array(
    z.object({
      month: z.string(),
      topic_id: z.string(),
      label: z.string(),
      documents: z.number().int(),
      sentiment: n,
    }),
  ),
});

export const voiceTopicParams = z.object({ topic_id: z.string() });
/** POST /voice/topics: a topic created with seed terms; documents whose terms match are assigned to it. */
export const voiceTopicCreateBody = z
  .object({
    lang: voiceLang,
    label: z.string().trim().min(1).max(120),
    terms: z.array(z.string().trim().min(1).max(40)).min(1).max(50),
  })
  .strict();
/** PATCH /voice/topics/:topic_id: rename it or change its terms; either pins it. */
export const voiceTopicChangeBody = z
  .object({
    label: z.string().trim().min(1).max(120).optional(),
    terms: z.array(z.string().trim().min(1).max(40)).min(1).max(50).optional(),
  })
  .strict();
/** POST /voice/topics/:topic_id/merge: the topics merged into this one (their documents and terms move here). */
export const voiceTopicMergeBody = z
  .object({ topic_ids: z.array(z.string()).min(1).max(50), label: z.string().trim().min(1).max(120).optional() })
  .strict();
export const voiceTopicResponse = voiceTopicSchema;
export const voiceTopicDeleteResponse = z.object({ topic_id: z.string(), documents: z.number().int() });
