// Submitting an application (read-only afterwards, with a reference VI-<year>-<code>-<n>) and reopening it (admins).
import type { PrismaClient } from '../generated/prisma/client.ts';
import { editionYear } from '../editions.ts';
import { completeness, getDefinition, type Completeness } from '../questionnaire/index.ts';
import { assertAdmin, assertCanWrite, type Actor } from './access.ts';
import { toApplication, type Application } from './repository.ts';

export type SubmitResult =
  | { status: 'ok'; application: Application; reference: string }
  | { status: 'incomplete'; completeness: Completeness; application: Application }
  | { status: 'conflict'; application: Application }
  | { status: 'readonly'; application: Application }
  | { status: 'not_found' };

/** VI-2027-38185-12: the palmarès year, the territory's code, the n-th reference given in the edition. */
export function formatReference(edition: number, territoryCode: string, n: number): string {
  return `VI-${editionYear(edition)}-${territoryCode}-${n}`;
}

/** `now` stamps the submission date (injected: tests and the dialog pass their clock). */
export async function submitApplication(
  prisma: PrismaClient, actor: Actor, appId: string, expectedVersion: number, now: () => Date = () => new Date(),
): Promise<SubmitResult> {
  const row = await prisma.application.findUnique({ where: { id: appId } });
  if (!row) return { status: 'not_found' };
  assertCanWrite(actor, row);
  const app = toApplication(row);
  if (app.status === 'submitted') return { status: 'readonly', application: app };
  if (app.version !== expectedVersion) return { status: 'conflict', application: app };
  const check = completeness(getDefinition(app.editionNumber), app.answers);
  if (!check.complete) return { status: 'incomplete', completeness: check, application: app };

  // A reopened application keeps its reference. Otherwise n = references given in the edition so far + 1, counted
  // under a row lock on the Edition: two territories submitting at the same moment get consecutive numbers.
  const { count, reference } = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "number" FROM "Edition" WHERE "number" = ${app.editionNumber} FOR UPDATE`;
    const ref = app.reference
      ?? formatReference(app.editionNumber, app.territoryCode, (await tx.application.count({ where: { editionNumber: app.editionNumber, reference: { not: null } } })) + 1);
    const updated = await tx.application.updateMany({
      where: { id: appId, version: expectedVersion, status: 'draft' },
      data: { status: 'submitted', reference: ref, submittedAt: now(), version: { increment: 1 }, updatedBy: actor.id },
    });
    return { count: updated.count, reference: ref };
  });
  const fresh = toApplication(await prisma.application.findUniqueOrThrow({ where: { id: appId } }));
  if (count === 0) return fresh.status === 'submitted' ? { status: 'readonly', application: fresh } : { status: 'conflict', application: fresh };
  return { status: 'ok', application: fresh, reference };
}

/** An admin reopens a submitted application: a draft again, same reference, editable by its territory. */
export async function reopenApplication(prisma: PrismaClient, actor: Actor, where: { id: string } | { reference: string }): Promise<Application | undefined> {
  assertAdmin(actor);
  const row = await prisma.application.findUnique({ where });
  if (!row) return undefined;
  if (row.status === 'draft') return toApplication(row);
  const updated = await prisma.application.update({
    where: { id: row.id },
    data: { status: 'draft', submittedAt: null, version: { increment: 1 }, updatedBy: actor.id },
  });
  return toApplication(updated);
}
