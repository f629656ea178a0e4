export * from './auth.ts';
export * from './common.ts';
export * from './customers.ts';
export * from './imports.ts';
export * from './metrics.ts';
export * from './models.ts';
export * from './predict.ts';
export * from './workspace.ts';
