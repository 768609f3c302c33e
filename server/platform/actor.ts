import type { Role } from "../db/schema.js";

/** A role granted over an agency (unitPath null) or a unit subtree. */
export interface Grant {
  role: Role;
  agencyId: string;
  unitId: string | null;
  unitPath: string | null;
}

/** The signed-in person, as loaded once per request from the session. */
export interface Actor {
  userId: string;
  displayName: string;
  employeeId: string | null;
  /** The agency and unit the actor works in (null for an operator without an employee record). */
  agencyId: string | null;
  unitId: string | null;
  unitPath: string | null;
  isOperator: boolean;
  isDemo: boolean;
  mustChangePassword: boolean;
  locale: string;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

/** Where an object sits in the organisation: what a grant's scope is compared with. */
export interface ScopeTarget {
  agencyId: string;
  /** Path of the object's unit; null for agency-level objects. */
  unitPath: string | null;
}

export function grantCovers(grant: Grant, target: ScopeTarget): boolean {
  if (grant.agencyId !== target.agencyId) return false;
  if (grant.unitPath === null) return true;
  return target.unitPath?.startsWith(grant.unitPath) ?? false;
}

export function hasRoleOver(actor: Actor, roles: readonly Role[], target: ScopeTarget): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, target));
}

export function hasAgencyWideRole(actor: Actor, roles: readonly Role[], agencyId: string): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && g.agencyId === agencyId && g.unitPath === null);
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/**
 * The scope of a set of roles, for filtering list queries: whole agencies,
 * plus unit subtrees (path prefixes) inside other agencies.
 */
export interface Scope {
  agencyIds: string[];
  unitPaths: { agencyId: string; path: string }[];
}

export function scopeOf(actor: Actor, roles: readonly Role[]): Scope {
  const agencyIds = new Set<string>();
  const unitPaths: { agencyId: string; path: string }[] = [];
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    if (g.unitPath === null) agencyIds.add(g.agencyId);
  }
  for (const g of actor.grants) {
    if (!roles.includes(g.role) || g.unitPath === null || agencyIds.has(g.agencyId)) continue;
    // Drop paths already covered by a wider path of the same agency.
    if (unitPaths.some((u) => g.unitPath?.startsWith(u.path))) continue;
    for (let i = unitPaths.length - 1; i >= 0; i--) if (unitPaths[i].path.startsWith(g.unitPath)) unitPaths.splice(i, 1);
    unitPaths.push({ agencyId: g.agencyId, path: g.unitPath });
  }
  return { agencyIds: [...agencyIds], unitPaths };
}

export function scopeIsEmpty(scope: Scope): boolean {
  return scope.agencyIds.length === 0 && scope.unitPaths.length === 0;
}
