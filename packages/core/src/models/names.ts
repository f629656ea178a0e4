/**
 * The models' names, apart from the catalogue (catalog.ts) so that a shell can list them in its help without
 * loading the models. The catalogue `satisfies Record<ModelName, …>`: a name without its model, or a model
 * without its name, does not compile.
 */
const names = ['km', 'cox', 'sbg', 'bgnbd', 'gamma-gamma', 'clv', 'validation'] as const;

export type ModelName = (typeof names)[number];
export const modelNames: ModelName[] = [...names];
