import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** A stored playbook and a run's counts, as the API answers them. */
export type Playbook = Infer<typeof api.playbookResponse>;
export type PlaybookRun = Infer<typeof api.playbookRunResponse>;
export type Trigger = Playbook['trigger'];
export type TriggerKind = Trigger['kind'];
