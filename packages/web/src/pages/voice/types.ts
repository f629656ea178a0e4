import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** The Voice of the customer's answers, as the API states them (text analysis, drivers, exits, employees). */
export type VoiceTopics = Infer<typeof api.voiceTopicsResponse>;
export type TopicRow = VoiceTopics['topics'][number];
export type VoiceDocument = Infer<typeof api.voiceDocumentSchema>;
export type VoiceDocuments = Infer<typeof api.voiceDocumentsResponse>;
export type VoiceTrend = Infer<typeof api.voiceTrendResponse>;
export type VoiceLang = VoiceDocument['lang'];
export type Drivers = Infer<typeof api.driversResponse>;
export type DriverRow = Drivers['drivers'][number];
export type DriverSource = DriverRow['source'];
export type KeyDrivers = Infer<typeof api.keyDriversResponse>;
export type Exits = Infer<typeof api.exitsResponse>;
export type ExitRow = Exits['rows'][number];
export type Taxonomy = ExitRow['recorded'];
export type Employees = Infer<typeof api.employeesResponse>;
export type TeamRow = Employees['teams'][number];
