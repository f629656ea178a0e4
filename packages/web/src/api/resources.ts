import { useApi } from './use-api.ts';

/** The metric catalogue (titles, units, grains): fetched once, shared by every page. */
export const useMetricCatalog = () => useApi('/api/v1/metrics', undefined, { shared: true });

/** Workspace status: the last complete month (default ranges) and the dimensions segments may use. */
export const useStatus = () => useApi('/api/v1/status', undefined, { shared: true });

/** The workspace config: its currency formats money everywhere. */
export const useSettings = () => useApi('/api/v1/settings', undefined, { shared: true });
