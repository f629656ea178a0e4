import { z } from 'zod';

/** The options of an analysis (`tenure feedback analyse`, POST /voice/analyse): topics per language and the seed. */
export const analyseOptionsSchema = z
  .object({
    /** Topics learned per language besides the pinned ones; the config's `voice.topics` when not given. */
    topics: z.number().int().min(2).max(60).optional(),
    seed: z.number().int().min(0).default(1),
  })
  .strict();

export type AnalyseOptions = z.input<typeof analyseOptionsSchema>;

/** The filter of `tenure feedback topics`: the language of the texts. */
export const voiceTopicsOptionsSchema = z.object({ lang: z.enum(['zh', 'en']).optional() }).strict();
