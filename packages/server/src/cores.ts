import { availableParallelism } from 'node:os';

/**
 * DuckDB's worker threads in a server: every core but one. By default they take every core, and an import, a
 * rollup refresh or a model fit then keeps them all busy for seconds to minutes, while people's writes (a case
 * moved, a note) are each a few statements that wait their turn for a core behind it. A query still runs on its
 * caller's thread besides the workers, so concurrent requests use every core; what is given up is a large
 * query's spread over the last one. Set once, when the server is ready: changing it while queries run relaunches
 * DuckDB's threads, which held other queries for up to 2 s (it was first set around each import and refresh, and
 * a case write waited 2,059 ms).
 * @example serverThreads(2) // 1
 */
export const serverThreads = (cores = availableParallelism()): number => Math.max(1, cores - 1);
