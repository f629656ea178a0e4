export { analyseFeedback, analyseTexts, type FeedbackAnalysis, type LangSummary, type TextsInput } from './analyse.ts';
export { detectLang, type TextLang } from './detect.ts';
export { changeTopic, createTopic, deleteTopic, mergeTopics } from './edits.ts';
export type { AnalyseOptions } from './options.ts';
export { analyseOptionsSchema, voiceTopicsOptionsSchema } from './options.ts';
export {
  type DocumentsQuery,
  type TopicsQuery,
  type TrendRow,
  type VoiceDocument,
  type VoiceTopic,
  type VoiceTopicRow,
  voiceDocuments,
  voiceTopics,
  voiceTrend,
} from './queries.ts';
export { loadSegmenter, type Segmenter } from './segment.ts';
export { VOICE_SOURCES, type VoiceSource } from './sources.ts';
