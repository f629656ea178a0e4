import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** Surveys as the API answers them: a version with its questions, the list, a send's links, the results. */
export type Survey = Infer<typeof api.surveyResponse>;
export type Surveys = Infer<typeof api.surveysResponse>;
export type SurveySummary = Surveys['surveys'][number];
export type SurveyKind = Survey['kind'];
export type Question = Survey['questions'][number];
export type QuestionType = Question['type'];
export type SurveyTrigger = Survey['triggers'][number];
export type SurveyInput = api.Input<typeof api.newSurveyBody>;
export type SendResult = Infer<typeof api.sendSurveyResponse>;
export type SendInput = api.Input<typeof api.sendSurveyBody>;
export type Results = Infer<typeof api.resultsResponse>;
export type QuestionResult = Results['questions'][number];
export type Invitations = Infer<typeof api.invitationsResponse>;
export type Invitation = Invitations['rows'][number];

/** The kinds and answer types in the order the builder offers them. */
export const SURVEY_KINDS: SurveyKind[] = ['nps', 'csat', 'ces', 'exit', 'employee', 'custom'];
export const QUESTION_TYPES: QuestionType[] = ['scale_0_10', 'scale_1_5', 'single', 'multiple', 'text'];
/** The employee dimensions the handbook names (a question may name one of its own). */
export const DIMENSIONS = ['environment', 'work_content', 'pay', 'training'] as const;
