// The one place where an incoming activity's plausible-but-broken fields are made safe, before any turn code or the
// database sees them: null text, value or entities, entities without a type, NUL characters and lone surrogates
// (PostgreSQL refuses both: the member's save, then every later message of theirs, failed), an unusable locale.
// Ids are not repaired: one holding a control character or a lone surrogate is refused (see hasUnsafeIds).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE_IN_ID = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
const MAX_DEPTH = 32;

/** NUL and lone surrogates out of every string, at any depth (channelData, value, names…). */
export function cleanStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.includes('\u0000') || /[\uD800-\uDFFF]/.test(value) ? value.replace(/\u0000/g, '').replace(LONE_SURROGATE, '') : value;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanStrings(value[i], depth + 1);
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) obj[key] = cleanStrings(obj[key], depth + 1);
  return obj;
}

/** from.id, recipient.id, conversation.id: a control character or a lone surrogate makes the activity unusable. */
export function hasUnsafeIds(activity: { from?: { id?: unknown }; recipient?: { id?: unknown }; conversation?: { id?: unknown } }): boolean {
  return [activity.from?.id, activity.recipient?.id, activity.conversation?.id].some((id) => typeof id === 'string' && UNSAFE_IN_ID.test(id));
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entity the framework can read: an object with a string type; a mention names who is mentioned. */
function usableEntity(e: unknown): boolean {
  if (!isObject(e) || typeof e.type !== 'string') return false;
  if (e.type !== 'mention') return true;
  return isObject(e.mentioned) && typeof e.mentioned.id === 'string' && (e.text === undefined || typeof e.text === 'string');
}

/** Normalises the activity in place (it is the request body, parsed once) and returns it. */
export function normalizeActivity<T extends Obj>(activity: T): T {
  const a = cleanStrings(activity) as Obj;
  for (const key of ['text', 'value', 'entities', 'attachments', 'locale', 'channelData', 'membersAdded', 'membersRemoved', 'textFormat', 'name']) {
    if (a[key] === null) delete a[key];
  }
  if (a.text !== undefined && typeof a.text !== 'string') delete a.text;
  if (a.entities !== undefined) {
    if (!Array.isArray(a.entities)) delete a.entities;
    else a.entities = a.entities.filter(usableEntity);
  }
  if (a.attachments !== undefined && !Array.isArray(a.attachments)) delete a.attachments;
  if (a.locale !== undefined && (typeof a.locale !== 'string' || !LOCALE.test(a.locale))) delete a.locale;
  if (a.channelData !== undefined && !isObject(a.channelData)) delete a.channelData;
  // Invoke values Teams AI reads without checking (its compose-box query calls parameters.forEach).
  if (a.type === 'invoke' && isObject(a.value)) {
    const v = a.value;
    if (v.parameters !== undefined && !Array.isArray(v.parameters)) delete v.parameters;
    if (Array.isArray(v.parameters)) v.parameters = v.parameters.filter(isObject);
    if (v.queryOptions !== undefined && !isObject(v.queryOptions)) delete v.queryOptions;
    if (v.action !== undefined && !isObject(v.action)) delete v.action;
  }
  for (const who of ['from', 'recipient'] as const) {
    const p = a[who];
    if (isObject(p)) for (const field of ['name', 'aadObjectId', 'role']) if (p[field] !== undefined && typeof p[field] !== 'string') delete p[field];
  }
  return activity;
}
