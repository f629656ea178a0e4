import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * The response serializer: the contract's zod schema encodes the body, then JSON.stringify. A cached view is
 * the same frozen object for every request that reads it (cache.ts freezes what it keeps), so its JSON is
 * kept beside it and sent again: encoding a page of the at-risk list through its schema cost more than
 * everything else a cached request does. Objects not frozen are encoded every time, as a handler may build
 * them from mutable parts.
 */
export const memoSerializerCompiler: typeof serializerCompiler = (route) => {
  const encode = serializerCompiler(route);
  // Per route and status: the same object may be answered under two schemas that encode it differently.
  const encoded = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null || !Object.isFrozen(data)) return encode(data);
    let json = encoded.get(data);
    if (json === undefined) {
      json = encode(data);
      encoded.set(data, json);
    }
    return json;
  };
};
