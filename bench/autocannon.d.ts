/** The part of autocannon's API bench/server.bench.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  interface Request {
    path?: string;
  }
  interface Options {
    url: string;
    /** Called before each request: lets every request ask for something else. */
    requests?: { setupRequest?: (req: Request) => Request }[];
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    timeout?: number;
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
