// Who is who in the notification bench (shared by the seeding, the fake connector process and the report).
export const conversationOf = (i: number) => `a:bench-${i}`;

/** Deterministic: 1 % of members gone, 0.5 % blocked the app (403), 0.5 % conversation gone (404). */
export function permanentFailures(members: number): Map<string, 403 | 404> {
  const map = new Map<string, 403 | 404>();
  for (let i = 0; i < members; i++) {
    if (i % 200 === 7) map.set(conversationOf(i), 403);
    else if (i % 200 === 111) map.set(conversationOf(i), 404);
  }
  return map;
}

/** The tenant of bench member i when the members are spread over `tenants` organisations. */
export const tenantOf = (i: number, tenants: number) => `tenant-bench-${i % tenants}`;
