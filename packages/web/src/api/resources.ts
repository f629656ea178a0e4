import { useApi } from './use-api.ts';

/** The metric catalogue (titles, units, grains): fetched once, shared by every page. */
export const useMetricCatalog = () => useApi('/api/v1/metrics', undefined, { shared: true });

/** Workspace status: the last complete month (default ranges) and the dimensions segments may use. */
export const useStatus = () => useApi('/api/v1/status', undefined, { shared: true });

/**
 * The dimensions a control offers to break down or filter by: the imported ones, then the derived ones (value
 * tier, RFM cell and segment, lifecycle stage), which every metric, list and target accepts.
 */
export const useDimensions = (): string[] => {
  const s = useStatus().data;
  return [...(s?.dimensions ?? []), ...(s?.derived_dimensions ?? [])];
};

/** The workspace config: its currency formats money everywhere. */
export const useSettings = () => useApi('/api/v1/settings', undefined, { shared: true });
