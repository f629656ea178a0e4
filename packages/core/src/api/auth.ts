import { z } from 'zod';
import { langParam, langSchema, pageOf, roleSchema } from './common.ts';

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) });

/** A user's chosen language: null until they choose one (API keys have none). */
export const userLangSchema = langSchema.nullable();

/** What a logged-in page needs: who it is (and the language they chose), and the token unsafe requests send as x-csrf-token. */
export const sessionResponse = z.object({
  user: z.object({ username: z.string(), role: roleSchema, lang: userLangSchema }),
  csrf_token: z.string(),
});

/** PUT /auth/me: the language the logged-in user chose (`zh` means zh-CN). */
export const preferencesBody = z.object({ lang: langParam });

export const userSchema = z.object({
  username: z.string(),
  role: roleSchema,
  lang: userLangSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export const usersResponse = z.object({ users: z.array(userSchema) });
export const userParams = z.object({ username: z.string() });
export const newUserBody = z.object({ username: z.string(), password: z.string(), role: roleSchema });
export const userChangeBody = z
  .object({ role: roleSchema.optional(), password: z.string().optional() })
  .refine((b) => b.role !== undefined || b.password !== undefined, 'give a role, a password or both');

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  created_by: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
export const keysResponse = z.object({ keys: z.array(apiKeySchema) });
export const keyParams = z.object({ id: z.string() });
export const newKeyBody = z.object({ name: z.string().max(200).default(''), role: roleSchema });
/** The one response that carries a key's secret. */
export const newKeyResponse = apiKeySchema.extend({ key: z.string() });

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  target: z.string().nullable(),
  status: z.number().int(),
  ip: z.string().nullable(),
});
export const auditResponse = pageOf(auditRowSchema);
