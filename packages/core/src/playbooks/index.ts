/**
 * Playbooks: an admin's standing order "when this happens to a customer, open this case for that owner"
 * (docs/playbooks.md). Defined and checked in `definition.ts` / `check.ts`, kept in `store.ts`, each kind of
 * trigger one entry of `triggers.ts`, and run set-based in `run.ts`, by hand or after a scoring or an import.
 */
export { checkPlaybook } from './check.ts';
export * from './definition.ts';
export { runPlaybook, runPlaybooksOn } from './run.ts';
export {
  type Actor as PlaybookActor,
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  savePlaybook,
  setPlaybookEnabled,
} from './store.ts';
export type { Cause } from './triggers.ts';
export { triggers } from './triggers.ts';
