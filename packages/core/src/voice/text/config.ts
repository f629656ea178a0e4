/**
 * The `voice` section of tenure.config.json: the user dictionary (product names, plan names, competitors: words
 * the segmenter must keep whole, in either language) and how many topics an analysis finds per language.
 */
import { z } from 'zod';

export const voiceConfigSchema = z
  .object({
    /** Words and names kept whole when segmenting ("云帆移动", "Nimbus Mobile"). */
    dictionary: z.array(z.string().trim().min(1).max(60)).max(5000).default([]),
    /** Topics learned per language, besides the pinned ones. */
    topics: z.number().int().min(2).max(60).default(8),
  })
  .strict();

export type VoiceConfig = z.output<typeof voiceConfigSchema>;
export const defaultVoiceConfig = (): VoiceConfig => voiceConfigSchema.parse({});
