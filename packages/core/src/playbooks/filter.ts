import { type DimensionFilter, groupFilter } from '../metrics/filter.ts';

/**
 * A filter trigger's `name=value` items (the grammar of every `--filter`) grouped by name: values of one name
 * are or-ed, names and-ed.
 * @example customerFilterOf(['region=north', 'region=south', 'plan=pro']) // { region: ['north', 'south'], plan: ['pro'] }
 */
export const customerFilterOf = (items: readonly string[]): DimensionFilter =>
  groupFilter(
    items.map((item) => {
      const at = item.indexOf('=');
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()] as const;
    }),
  );
