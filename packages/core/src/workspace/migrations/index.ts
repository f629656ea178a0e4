/**
 * The schema migrations, in order: one line per file, and a migration's number is its position here
 * (`migrations.test.ts` checks that file names and positions agree). Append only: a released migration is
 * never edited, reordered or removed.
 */
import initial from './0001-initial.ts';
import userLanguage from './0002-user-language.ts';
import rejectExpected from './0003-reject-expected.ts';
import scoreExplanations from './0004-score-explanations.ts';
import scoreKeys from './0005-score-keys.ts';
import cases from './0006-cases.ts';
import operations from './0007-operations.ts';
import playbooks from './0008-playbooks.ts';
import caseCopies from './0009-case-copies.ts';
import upliftScores from './0010-uplift-scores.ts';
import campaignDesigns from './0011-campaign-designs.ts';
import caseEventIndex from './0012-case-event-index.ts';
import surveys from './0013-surveys.ts';
import voiceText from './0014-voice-text.ts';
import voiceDrivers from './0015-voice-drivers.ts';
import ticketKind from './0016-ticket-kind.ts';
import currency from './0017-currency.ts';
import batchChanges from './0018-batch-changes.ts';
import type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [
  initial,
  userLanguage,
  rejectExpected,
  scoreExplanations,
  scoreKeys,
  cases,
  operations,
  playbooks,
  caseCopies,
  upliftScores,
  campaignDesigns,
  caseEventIndex,
  surveys,
  voiceText,
  voiceDrivers,
  ticketKind,
  currency,
  batchChanges,
];

/** The highest schema version this Tenure knows. */
export const latestVersion = migrations.length;
