/** Where a document comes from: a survey answer's comment, a ticket's text, a case note, a churn note. */
export const VOICE_SOURCES = ['survey', 'ticket', 'case_note', 'churn_note'] as const;
export type VoiceSource = (typeof VOICE_SOURCES)[number];
