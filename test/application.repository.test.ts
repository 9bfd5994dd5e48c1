import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import {
  AccessDeniedError, ApplicationRepository, formatReference, reopenApplication, submitApplication, type Actor, type Application,
} from '../data/applications/index.ts';
import type { Answers } from '../data/questionnaire/index.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
let repo: ApplicationRepository;
beforeAll(async () => {
  db = await openTestDatabase();
  repo = new ApplicationRepository(db.prisma, () => new Date('2026-11-27T10:00:00Z'));
});
afterAll(async () => { await db?.close(); });

const actor = (id: string, territoryCode: string | null, admin = false): Actor => ({ id, territoryCode, territories: territoryCode ? [territoryCode] : [], admin });
const ada = actor('29:ada', '38185');
const bob = actor('29:bob', '38185');
const eve = actor('29:eve', '69029'); // Bron
const admin = actor('29:admin', null, true);

/** A complete application for the 28e edition (one action). */
export const COMPLETE: Answers = {
  contact_name: 'Ada Lovelace', contact_role: 'agent', contact_function: 'Cheffe de projet', contact_email: 'ada@ville.fr',
  contact_phone: null, first_participation: true, digital_staff: 2, online_services: ['demarches'], digital_plan: false,
  website: 'https://www.ville.fr/', 'democratie.any': true, 'democratie[1].title': 'Portail citoyen',
  'democratie[1].description': 'Un portail unique pour toutes les démarches, ouvert à tous.', 'democratie[1].enjeu': 'demarches',
  'democratie[1].status': 'en_cours', 'democratie[1].start_date': '2025-03-01', 'democratie[1].url': null, 'democratie[1].more': false,
  'vivre_ensemble.any': false, 'connaissances.any': false, 'richesses.any': false, mentions: null, jury_message: null, publication_consent: true,
};

async function fill(app: Application, who: Actor, answers: Answers): Promise<Application> {
  let current = app;
  for (const [key, value] of Object.entries(answers)) {
    const r = await repo.saveAnswer(who, current.id, current.version, key, value);
    if (r.status !== 'ok') throw new Error(`${key}: ${JSON.stringify(r)}`);
    current = r.application;
  }
  return current;
}

describe('drafts', () => {
  it('members of a territory share one draft per edition; the Edition row is created on demand', async () => {
    const a = await repo.openDraft(ada, 28);
    const b = await repo.openDraft(bob, 28);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ territoryCode: '38185', editionNumber: 28, status: 'draft', version: 0, createdBy: '29:ada', answers: {} });
    expect(await db.prisma.edition.findUnique({ where: { number: 28 } })).toMatchObject({ year: 2027 });
    expect((await repo.openDraft(eve, 28)).id).not.toBe(a.id);
  });

  it('two members opening at the same moment get the same draft', async () => {
    const [x, y] = await Promise.all([repo.openDraft(actor('29:x', '75056'), 28), repo.openDraft(actor('29:y', '75056'), 28)]);
    expect(x.id).toBe(y.id);
  });

  it('an answer is written at once, with its author and a new version', async () => {
    const app = await repo.openDraft(ada, 28);
    const r = await repo.saveAnswer(ada, app.id, app.version, 'contact_email', 'ada@ville.fr');
    expect(r.status).toBe('ok');
    const row = await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ version: app.version + 1, updatedBy: '29:ada', authors: ['29:ada'], currentStep: 'contact_email' });
    expect(row.answers).toMatchObject({ contact_email: 'ada@ville.fr' });
  });

  it.each([
    ['an invalid e-mail', 'contact_email', 'pas-un-mail', /adresse e-mail/],
    ['a non-normalized phone', 'contact_phone', '06 12 34 56 78', /non normalisée/],
    ['a required question skipped', 'contact_email', null, /obligatoire/],
    ['an unknown option', 'contact_role', 'maire', /Je ne reconnais pas/],
    ['a number out of bounds', 'digital_staff', 99999, /n’est pas entre/],
    ['an unknown question', 'nope', 'x', /question inconnue/],
    ['an instance beyond the maximum', 'democratie[6].title', 'x', /question inconnue/],
  ])('never stores %s', async (_, key, value, error) => {
    const before = await repo.openDraft(ada, 28);
    const r = await repo.saveAnswer(ada, before.id, before.version, key, value as never);
    expect(r).toMatchObject({ status: 'invalid', error: expect.stringMatching(error) });
    const after = await db.prisma.application.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version);
    expect(after.answers).toEqual(before.answers);
  });
});

describe('optimistic locking', () => {
  it('the later writer gets a conflict with the current value, and nothing is overwritten', async () => {
    const seen = await repo.openDraft(ada, 28); // both read the same version
    const first = await repo.saveAnswer(bob, seen.id, seen.version, 'contact_name', 'Bob Martin');
    expect(first.status).toBe('ok');
    const second = await repo.saveAnswer(ada, seen.id, seen.version, 'contact_name', 'Ada Lovelace');
    expect(second).toMatchObject({ status: 'conflict', current: 'Bob Martin' });
    expect((await repo.get(ada, seen.id))?.answers.contact_name).toBe('Bob Martin');
  });

  it('simultaneous writes on one version: exactly one wins', async () => {
    const seen = await repo.openDraft(ada, 28);
    const results = await Promise.all(['Un', 'Deux', 'Trois'].map((v, i) => repo.saveAnswer(actor(`29:w${i}`, '38185'), seen.id, seen.version, 'contact_function', v)));
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(2);
    expect((await repo.get(ada, seen.id))?.version).toBe(seen.version + 1);
  });
});

describe('isolation', () => {
  it('a member of another territory can neither read nor change the draft; an admin reads but does not write', async () => {
    const app = await repo.openDraft(ada, 28);
    await expect(repo.get(eve, app.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(repo.find(eve, '38185', 28)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(repo.saveAnswer(eve, app.id, app.version, 'contact_name', 'Eve')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(repo.get(actor('29:nobody', null), app.id)).rejects.toMatchObject({ reason: 'no_territory' });
    expect((await repo.get(admin, app.id))?.id).toBe(app.id);
    await expect(repo.saveAnswer(admin, app.id, app.version, 'contact_name', 'Admin')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(submitApplication(db.prisma, eve, app.id, app.version)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe('submit and reopen', () => {
  it('refuses an incomplete application and says what is missing', async () => {
    const app = await repo.openDraft(actor('29:m', '13055'), 28);
    const r = await submitApplication(db.prisma, actor('29:m', '13055'), app.id, app.version);
    expect(r.status).toBe('incomplete');
    if (r.status === 'incomplete') expect(r.completeness.missing.map((s) => s.key)).toContain('contact_name');
  });

  it('gives VI-<year>-<code>-<n>, makes it read-only; an admin reopens it with the same reference', async () => {
    const who = actor('29:s', '33063'); // Bordeaux
    const app = await fill(await repo.openDraft(who, 28), who, COMPLETE);
    const stale = await submitApplication(db.prisma, who, app.id, app.version - 1);
    expect(stale.status).toBe('conflict');
    // The submission date comes from the clock passed in, never from the machine's (a test must not depend on today).
    const clock = new Date('2031-03-04T05:06:07Z');
    const r = await submitApplication(db.prisma, who, app.id, app.version, () => clock);
    expect(r).toMatchObject({ status: 'ok', reference: expect.stringMatching(/^VI-2027-33063-\d+$/) });
    const reference = r.status === 'ok' ? r.reference : '';
    expect((await repo.get(who, app.id))).toMatchObject({ status: 'submitted', reference, submittedAt: clock });
    const after = await repo.get(who, app.id);
    expect(await repo.saveAnswer(who, app.id, after!.version, 'contact_name', 'Changement')).toMatchObject({ status: 'readonly' });

    await expect(reopenApplication(db.prisma, who, { reference })).rejects.toMatchObject({ reason: 'not_admin' });
    const reopened = await reopenApplication(db.prisma, admin, { reference });
    expect(reopened).toMatchObject({ status: 'draft', reference, submittedAt: null });
    expect(await repo.saveAnswer(who, app.id, reopened!.version, 'contact_name', 'Ada L.')).toMatchObject({ status: 'ok' });
    const again = await submitApplication(db.prisma, who, app.id, reopened!.version + 1);
    expect(again).toMatchObject({ status: 'ok', reference });
  });

  it('references are a per-edition sequence, unique even when territories submit at the same moment', async () => {
    const codes = ['59350', '31555', '67482', '06088'];
    const apps = await Promise.all(codes.map(async (code) => {
      const who = actor(`29:${code}`, code);
      return { who, app: await fill(await repo.openDraft(who, 28), who, COMPLETE) };
    }));
    const results = await Promise.all(apps.map(({ who, app }) => submitApplication(db.prisma, who, app.id, app.version)));
    const refs = results.map((r) => (r.status === 'ok' ? r.reference : r.status));
    expect(new Set(refs).size).toBe(codes.length);
    const numbers = refs.map((ref) => Number(ref.split('-').pop())).sort((a, b) => a - b);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2, numbers[0]! + 3]);
    expect(formatReference(28, '2A004', 7)).toBe('VI-2027-2A004-7');
  });
});
