// Who is who in the notification bench (shared by the seeding, the fake connector process and the report).
export const conversationOf = (i: number) => `a:bench-${i}`;

/** Deterministic: ≈ 0.25 % blocked the app (403), 0.2 % conversation gone (404). */
export function permanentFailures(members: number): Map<string, 403 | 404> {
  const map = new Map<string, 403 | 404>();
  for (let i = 0; i < members; i++) {
    if (i % 400 === 7) map.set(conversationOf(i), 403);
    else if (i % 500 === 11) map.set(conversationOf(i), 404);
  }
  return map;
}
