// Applications in the database. Every answer is validated against the questionnaire, then written at once with
// optimistic locking: the write names the version it was based on, and a newer version means a conflict.
import type { Prisma, PrismaClient, Application as Row } from '../generated/prisma/client.ts';
import { editionYear } from '../editions.ts';
import { breachText, findSlot, getDefinition, ruleBreach, validateStored, type AnswerValue, type Answers } from '../questionnaire/index.ts';
import { assertCanRead, assertCanWrite, type Actor } from './access.ts';

export type Application = Omit<Row, 'answers'> & { answers: Answers };

export type SaveResult =
  | { status: 'ok'; application: Application }
  /** Someone else wrote since `expectedVersion`: nothing was stored; here is what is stored now. */
  | { status: 'conflict'; current: AnswerValue | undefined; application: Application }
  | { status: 'invalid'; error: string }
  | { status: 'readonly'; application: Application }
  | { status: 'not_found' };

type Db = PrismaClient | Prisma.TransactionClient;

export function toApplication(row: Row): Application {
  const answers = row.answers && typeof row.answers === 'object' && !Array.isArray(row.answers) ? (row.answers as Answers) : {};
  return { ...row, answers };
}

export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002';

export async function ensureEdition(prisma: Db, edition: number): Promise<void> {
  await prisma.edition.upsert({ where: { number: edition }, create: { number: edition, year: editionYear(edition) }, update: {} });
}

export class ApplicationRepository {
  constructor(private readonly prisma: PrismaClient, private readonly now: () => Date = () => new Date()) {}

  /** The territory's application for the edition; undefined when none was started. Access-checked. */
  async find(actor: Actor, territoryCode: string, edition: number): Promise<Application | undefined> {
    const row = await this.prisma.application.findUnique({ where: { territoryCode_editionNumber: { territoryCode, editionNumber: edition } } });
    if (!row) return undefined;
    assertCanRead(actor, row);
    return toApplication(row);
  }

  async get(actor: Actor, id: string): Promise<Application | undefined> {
    const row = await this.prisma.application.findUnique({ where: { id } });
    if (!row) return undefined;
    assertCanRead(actor, row);
    return toApplication(row);
  }

  /** The draft shared by the actor's territory for the edition, created on first use. */
  async openDraft(actor: Actor, edition: number): Promise<Application> {
    const territoryCode = actor.territoryCode;
    if (!territoryCode) throw new Error('openDraft: the member has no approved territory yet');
    assertCanWrite(actor, { territoryCode });
    const where = { territoryCode_editionNumber: { territoryCode, editionNumber: edition } };
    const existing = await this.prisma.application.findUnique({ where });
    if (existing) return toApplication(existing);
    getDefinition(edition); // no questionnaire, no draft
    await ensureEdition(this.prisma, edition);
    try {
      return toApplication(await this.prisma.application.create({
        data: { territoryCode, editionNumber: edition, createdBy: actor.id, authors: [] },
      }));
    } catch (e) {
      // Two members of the territory started at the same moment: theirs is ours.
      if (!isUniqueViolation(e)) throw e;
      return toApplication(await this.prisma.application.findUniqueOrThrow({ where }));
    }
  }

  /**
   * Stores one answer (null = an optional question skipped). Refused when the value is not exactly what the
   * questionnaire's parser produces, when the application is submitted, or when its version moved on.
   */
  async saveAnswer(actor: Actor, appId: string, expectedVersion: number, key: string, value: AnswerValue): Promise<SaveResult> {
    const row = await this.prisma.application.findUnique({ where: { id: appId } });
    if (!row) return { status: 'not_found' };
    assertCanWrite(actor, row);
    const app = toApplication(row);
    if (app.status === 'submitted') return { status: 'readonly', application: app };
    const slot = findSlot(getDefinition(app.editionNumber), key);
    if (!slot) return { status: 'invalid', error: `question inconnue : « ${key} »` };
    const check = validateStored(slot.question, value, this.now());
    if (!check.ok) return { status: 'invalid', error: check.error };
    const breach = ruleBreach(getDefinition(app.editionNumber), slot, value, app.answers);
    if (breach) return { status: 'invalid', error: breachText(breach, 'fr') };
    if (app.version !== expectedVersion) return { status: 'conflict', current: app.answers[key], application: app };
    const updated = await this.prisma.application.updateMany({
      where: { id: appId, version: expectedVersion, status: 'draft' },
      data: {
        answers: { ...app.answers, [key]: value },
        version: { increment: 1 },
        updatedBy: actor.id,
        currentStep: key,
        ...(app.authors.includes(actor.id) ? {} : { authors: { push: actor.id } }),
      },
    });
    const fresh = toApplication(await this.prisma.application.findUniqueOrThrow({ where: { id: appId } }));
    if (updated.count === 1) return { status: 'ok', application: fresh };
    // Lost the race between our read and our write.
    if (fresh.status === 'submitted') return { status: 'readonly', application: fresh };
    return { status: 'conflict', current: fresh.answers[key], application: fresh };
  }
}
