import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3 document, generated from the routes' zod schemas (so it cannot drift from what the server
 * validates), at /api/openapi.json, and Swagger UI at /api/docs. Both are public: they describe the API,
 * they hold no data. Registered before the routes, whose definitions it collects.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tenure API',
        version,
        description:
          'Customer retention and churn intelligence. Errors are application/problem+json with a stable `code` (docs/errors.md). Roles: viewer < analyst < admin; each operation names the least role it needs.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from `tenure keys create`.' },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'tenure_session',
            description: 'The session of POST /api/v1/auth/login; unsafe methods also need the x-csrf-token header.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
