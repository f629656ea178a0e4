/**
 * The wire speaks snake_case, the library TypeScript's camelCase. Every key the API sends or takes is
 * snake_case (docs/api.md, "Conventions"): the rows come from SQL columns named so, the CSV exports and the
 * config use them, and so do the APIs our users script against (Stripe, ChartMogul). The conversion happens
 * once, at the server's edge, through the functions here, and their types let tsc check a route's result
 * against its schema: `toWire(result)` must produce what the response schema declares.
 */
import { z } from 'zod';

type IsUpper<C extends string> = C extends Lowercase<C> ? false : true;
type IsLowerOrDigit<C extends string> = C extends Uppercase<C> ? (C extends `${number}` ? true : false) : true;

/**
 * `calibrationEnd` → `calibration_end`, `liftAt10` → `lift_at10`: a capital after a small letter or a digit
 * becomes `_` and its small letter. Snake_case keys and capitals standing alone (the models' `T`) are kept.
 */
export type SnakeCase<S extends string, After extends boolean = false> = string extends S
  ? S
  : S extends `${infer C}${infer R}`
    ? IsUpper<C> extends true
      ? `${After extends true ? `_${Lowercase<C>}` : C}${SnakeCase<R, false>}`
      : `${C}${SnakeCase<R, IsLowerOrDigit<C>>}`
    : S;

/** `calibration_end` → `calibrationEnd`: the library's name of a wire key. */
export type CamelCase<S extends string> = string extends S
  ? S
  : S extends `${infer H}_${infer C}${infer R}`
    ? `${H}${Uppercase<C>}${CamelCase<R>}`
    : S;

/** A library value as the wire carries it: every object key snake_case, at any depth. */
export type Wire<T> = T extends readonly unknown[]
  ? { [I in keyof T]: Wire<T[I]> }
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeCase<K> : K]: Wire<T[K]> }
    : T;

/** A request's top-level keys as the library names them (values untouched: a filter's keys are data). */
export type CamelKeys<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

/** Keys seen, converted: a route's answer has the same few dozen keys on every row, converted by regex each time. */
const snakeKeys = new Map<string, string>();
export function snakeKey(key: string): string {
  let snake = snakeKeys.get(key);
  if (snake === undefined) {
    snake = key.replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a}_${b.toLowerCase()}`);
    // Record keys (dimension and column names) are data: the map stops growing at a bound.
    if (snakeKeys.size < 10_000) snakeKeys.set(key, snake);
  }
  return snake;
}
const camelKey = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * A library result as the API sends it. Keys of records pass through the same rule, which leaves them as they
 * are: they are column, dimension and parameter names, all snake_case already.
 * @example toWire({ runId: 3, dataWindow: { from: null } }) // { run_id: 3, data_window: { from: null } }
 */
export function toWire<T>(value: T): Wire<T> {
  if (Array.isArray(value)) return value.map(toWire) as Wire<T>;
  if (!isPlain(value)) return value as Wire<T>;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeKey(k), toWire(v)])) as Wire<T>;
}

/**
 * A parsed query's top-level keys as the library takes them.
 * @example camelKeys({ as_of: '2025-01-01', filter: { plan_tier: ['pro'] } }) // { asOf: …, filter: { plan_tier: … } }
 */
export function camelKeys<T extends object>(value: T): CamelKeys<T> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), v])) as CamelKeys<T>;
}

type Shape = Record<string, z.ZodType>;

/**
 * A library options schema on the wire: the same fields and checks under snake_case keys (nested option groups
 * too), parsed into the library's camelCase object. The CLI and the core parse the library's schema; the API's
 * requests and its OpenAPI document name the snake_case keys.
 * @example wireOptions(modelOptionsSchema) // takes { calibration_end: '1997-09-30' }, gives { calibrationEnd: … }
 */
export function wireOptions<S extends z.ZodObject>(schema: S): z.ZodType<z.output<S>, Wire<z.input<S>>> {
  const names = Object.keys(schema.shape).map((k) => [snakeKey(k), k] as const);
  const shape = Object.fromEntries(
    Object.entries(schema.shape as Shape).map(([k, field]) => [snakeKey(k), wireField(field)]),
  );
  const strict = (schema.def.catchall as z.ZodType | undefined)?.def.type === 'never';
  const wire = strict ? z.strictObject(shape) : z.object(shape);
  return wire.transform((v: Record<string, unknown>) =>
    Object.fromEntries(names.filter(([s]) => v[s] !== undefined).map(([s, k]) => [k, v[s]])),
  ) as unknown as z.ZodType<z.output<S>, Wire<z.input<S>>>;
}

/** A nested option group (optional or not) gets its own snake_case keys; other fields are kept as they are. */
function wireField(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodObject) return wireOptions(field);
  if (field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodObject)
    return wireOptions(field.unwrap() as z.ZodObject).optional();
  return field;
}
