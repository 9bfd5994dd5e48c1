// Who may read or change an application: the members with an approved membership of its territory
// (data/membership.ts); admins read everything and reopen. A self-declared town (Member.territoryCode) opens nothing.
import { isAdmin } from '../members.ts';

/** Whoever acts on an application: a member (Teams user id) or the CLI. */
export type Actor = {
  /** Teams user id (29:…), recorded as the author of what they write. */
  id: string;
  /** The territories the actor's approved memberships cover. */
  territories: readonly string[];
  /** The territory the actor works on now: their declared one when approved for it, else their first approved one. */
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
  approved: readonly string[],
): Actor {
  const declared = member.territoryCode ?? null;
  const territoryCode = declared && approved.includes(declared) ? declared : approved[0] ?? null;
  return { id: member.teamsUserId, territories: approved, territoryCode, admin: isAdmin(adminIds, member) };
}

export function canRead(actor: Actor, app: { territoryCode: string }): boolean {
  return actor.admin || actor.territories.includes(app.territoryCode);
}

/** Only the territory's own members write its answers (an admin reads and reopens, but does not answer for them). */
export function canWrite(actor: Actor, app: { territoryCode: string }): boolean {
  return actor.territories.includes(app.territoryCode);
}

const denial = (actor: Actor) => new AccessDeniedError(actor.territories.length ? 'other_territory' : 'no_territory');

export function assertCanRead(actor: Actor, app: { territoryCode: string }): void {
  if (!canRead(actor, app)) throw denial(actor);
}

export function assertCanWrite(actor: Actor, app: { territoryCode: string }): void {
  if (!canWrite(actor, app)) throw denial(actor);
}

export function assertAdmin(actor: Actor): void {
  if (!actor.admin) throw new AccessDeniedError('not_admin');
}
