export { analyseFeedback, type FeedbackAnalysis, type LangSummary } from './analyse.ts';
export { detectLang, type TextLang } from './detect.ts';
export { changeTopic, createTopic, deleteTopic, mergeTopics } from './edits.ts';
export type { AnalyseOptions } from './options.ts';
export { analyseOptionsSchema } from './options.ts';
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
