// Membership commands, anchored on the whole message: « demandes », « membres 38185 », « lier tenant <id> à 38185 ».
import { foldText } from '../../data/text.ts';

export type MembershipCommand =
  | { kind: 'pending' }
  | { kind: 'members'; code?: string }
  | { kind: 'bind'; tenantId: string; code: string }
  | { kind: 'unbind'; tenantId: string };

const CODE = '([0-9][0-9ab][0-9]{3}|[0-9]{9})';
const GUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const PENDING = /^((les |mes )?demandes( de rattachement)?( en attente)?|rattachements en attente|(pending )?(requests|claims)|pending)$/;
const MEMBERS = new RegExp(`^(membres|les membres|members|qui est rattache|who is attached)( (de |of |a |to )?${CODE})?$`);
const BIND = new RegExp(`^(lier|bind)( le)? tenant ${GUID} (a |to )?${CODE}$`, 'i');
const UNBIND = new RegExp(`^(delier|unbind)( le)? tenant ${GUID}$`, 'i');

export function membershipCommandOf(text: string | undefined): MembershipCommand | undefined {
  if (text === undefined || text.length > 200) return undefined;
  const folded = foldText(text);
  if (PENDING.test(folded)) return { kind: 'pending' };
  const members = MEMBERS.exec(folded);
  if (members) return { kind: 'members', code: members[4]?.toUpperCase() };
  // GUIDs keep their hyphens: matched on the text with accents removed, not on the folded one.
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
  const bind = BIND.exec(plain);
  if (bind) return { kind: 'bind', tenantId: bind[3]!, code: bind[5]!.toUpperCase() };
  const unbind = UNBIND.exec(plain);
  if (unbind) return { kind: 'unbind', tenantId: unbind[3]! };
  return undefined;
}
