import { QueryClient } from '@tanstack/react-query';

/**
 * The dashboard's one cache of API responses (TanStack Query). A problem is shown at once rather than retried:
 * the server answers 4xx for what the user must change, and a 5xx names its request id. Responses are not
 * refetched when the window regains focus: the server is the only writer and pages reload after their writes.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
