/**
 * @tenure/server: the HTTP API and the dashboard's host, a thin shell over @tenure/core (docs/api.md).
 */
export { buildApp } from './app.ts';
export type { ServerOptions } from './context.ts';
export type { LoginLimits } from './login-limit.ts';
export type { Access, RouteDef, RouteGroup } from './route.ts';
export { routeGroups, routeTable } from './routes/index.ts';
export { listenOptions, type RunningServer, startServer } from './server.ts';
