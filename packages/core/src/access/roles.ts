import { tenureError } from '../errors.ts';

/** Roles in increasing power: each one can do everything the ones before it can (docs/api.md, "Roles"). */
export const roles = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Whether `role` may do what `needed` may. @example allows('admin', 'analyst') // true */
export const allows = (role: Role, needed: Role): boolean => roles.indexOf(role) >= roles.indexOf(needed);

/** A role from user input, refused with the list of roles. @example parseRole('analyst') */
export function parseRole(text: string): Role {
  const role = roles.find((r) => r === text);
  if (!role) throw tenureError('TEN_ROLE_UNKNOWN', { role: text, known: [...roles] });
  return role;
}
