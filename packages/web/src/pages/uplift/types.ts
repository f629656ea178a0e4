import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** The latest uplift fit's report (GET /uplift/model) and one ordering's Qini curve. */
export type UpliftReport = Infer<typeof api.upliftModelResponse>;
export type Qini = UpliftReport['qini'][number];
export type UpliftSegment = UpliftReport['segments'][number];
