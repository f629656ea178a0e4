import { z } from 'zod';

/** A stored list of `name=value` filters (a playbook's trigger, a campaign's target), the `--filter` grammar. */
export const filterList = z
  .array(z.string().regex(/^[^=]+=.*$/, 'name=value'))
  .min(1)
  .max(50);
