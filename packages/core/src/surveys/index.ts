/**
 * Surveys sent and answered in Tenure (docs/voice.md, Surveys): definitions checked and versioned
 * (`definition.ts`, `check.ts`, `store.ts`), links made and sent (`send.ts`, whom each trigger invites in
 * `sources.ts`, webhooks in `deliver.ts`, the triggers' clock in `due.ts`), the public answer (`answer.ts`, checked in `validate.ts`) and the
 * results (`results.ts`).
 */
export { type AnswerResult, answerSurvey, answerSurveys, type PublicSurvey, surveyOfLink } from './answer.ts';
export { checkSurvey } from './check.ts';
export * from './definition.ts';
export { type DueSend, sendDueSurveys } from './due.ts';
export { type InvitationRow, listInvitations } from './invitations.ts';
export { type SurveyResults, surveyResults } from './results.ts';
export { invitationsCsv, type SendOptions, sendSurvey } from './send.ts';
export { deleteSurvey, getSurvey, listSurveys, type SurveyActor, saveSurvey, surveyVersions } from './store.ts';
