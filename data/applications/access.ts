// Who may read or change an application: the members attached to its territory; admins read everything and reopen.
import { isAdmin } from '../members.ts';

/** Whoever acts on an application: a member (Teams user id) or the CLI. */
export type Actor = {
  /** Teams user id (29:…), recorded as the author of what they write. */
  id: string;
  territoryCode: string | null;
  admin: boolean;
};

export class AccessDeniedError extends Error {
  constructor(readonly reason: 'other_territory' | 'no_territory' | 'not_admin') {
    super(`Accès refusé à la candidature (${reason})`);
    this.name = 'AccessDeniedError';
  }
}

export function actorOf(
  member: { teamsUserId: string; aadObjectId?: string | null; territoryCode?: string | null },
  adminIds: readonly string[],
): Actor {
  return { id: member.teamsUserId, territoryCode: member.territoryCode ?? null, admin: isAdmin(adminIds, member) };
}

export function canRead(actor: Actor, app: { territoryCode: string }): boolean {
  return actor.admin || (actor.territoryCode !== null && actor.territoryCode === app.territoryCode);
}

/** Only the territory's own members write its answers (an admin reads and reopens, but does not answer for them). */
export function canWrite(actor: Actor, app: { territoryCode: string }): boolean {
  return actor.territoryCode !== null && actor.territoryCode === app.territoryCode;
}

export function assertCanRead(actor: Actor, app: { territoryCode: string }): void {
  if (!canRead(actor, app)) throw new AccessDeniedError(actor.territoryCode ? 'other_territory' : 'no_territory');
}

export function assertCanWrite(actor: Actor, app: { territoryCode: string }): void {
  if (!canWrite(actor, app)) throw new AccessDeniedError(actor.territoryCode ? 'other_territory' : 'no_territory');
}

export function assertAdmin(actor: Actor): void {
  if (!actor.admin) throw new AccessDeniedError('not_admin');
}
