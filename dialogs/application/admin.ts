// Chat commands about applications beyond one's own draft: « exporter les candidatures [28] [csv|json] » and
// « rouvrir VI-2027-38185-1 » (admins), « voir candidature 38185 » (admins: any territory; members: their own).
import type { TurnContext } from 'botbuilder';
import {
  AccessDeniedError, exportApplications, reopenApplication, toCsv, toJson,
} from '../../data/applications/index.ts';
import { getDefinition, hasDefinition } from '../../data/questionnaire/index.ts';
import { am } from './messages.ts';
import { exportActivity } from './cards/review.ts';
import { adminCommandOf, type AdminCommand } from './commands.ts';
import { actorOfTurn, langOfTurn, say, territoryLabel, type ApplicationServices } from './services.ts';
import { reviewMessages } from './views.ts';

/** Handles the message if it is one of these commands; false otherwise. */
export async function handleAdminCommand(context: TurnContext, s: ApplicationServices): Promise<boolean> {
  const command = adminCommandOf(context.activity.text);
  if (!command) return false;
  const lang = langOfTurn(context);
  const { actor } = await actorOfTurn(context, s);
  if (command.kind !== 'view' && !actor.admin) {
    s.log?.({ event: 'application_access_refused', command: command.kind, reason: 'not_admin' }, 'application access refused');
    await say(context, am(lang, 'adminOnly'));
    return true;
  }
  try {
    await run(context, s, command, actor);
  } catch (e) {
    if (!(e instanceof AccessDeniedError)) throw e;
    s.log?.({ event: 'application_access_refused', command: command.kind, reason: e.reason }, 'application access refused');
    await say(context, am(lang, e.reason === 'not_admin' ? 'adminOnly' : 'noAccess'));
  }
  return true;
}

async function run(context: TurnContext, s: ApplicationServices, command: AdminCommand, actor: Parameters<typeof s.repo.find>[0]) {
  const lang = langOfTurn(context);
  switch (command.kind) {
    case 'export': {
      const edition = command.edition ?? s.edition;
      if (!hasDefinition(edition)) return void (await say(context, am(lang, 'notFound', { what: `${edition}e` })));
      const result = await exportApplications(s.prisma, edition, { registry: s.registry, includeEmpty: command.includeEmpty });
      const def = getDefinition(edition);
      const byGroup = def.sections.flatMap((sec) => sec.items.filter((i) => i.type === 'group').map((g): [string, number] => [sec.title[lang], result.counts.byGroup[g.id] ?? 0]));
      const csv = command.format === 'csv';
      await context.sendActivity(exportActivity(lang, {
        edition, counts: result.counts, byGroup, format: command.format,
        file: {
          name: `candidatures-${edition}e.${command.format}`,
          contentType: csv ? 'text/csv' : 'application/json',
          content: csv ? toCsv(result) : toJson(result),
        },
      }));
      return;
    }
    case 'reopen': {
      const app = await reopenApplication(s.prisma, actor, { reference: command.reference });
      if (!app) return void (await say(context, am(lang, 'notFound', { what: command.reference })));
      await say(context, am(lang, 'reopened', { reference: command.reference, territory: territoryLabel(s, app.territoryCode) }));
      return;
    }
    case 'view': {
      const app = await s.repo.find(actor, command.code, s.edition); // throws AccessDeniedError for another territory
      const territory = territoryLabel(s, command.code);
      if (!app) {
        // Even « none started » is information about another territory: members only learn it for their own.
        if (!actor.admin && actor.territoryCode !== command.code) throw new AccessDeniedError('other_territory');
        return void (await say(context, am(lang, 'noApplication', { territory })));
      }
      const title = am(lang, 'viewTitle', { territory, status: am(lang, app.status === 'draft' ? 'status_draft' : 'status_submitted') })
        + (app.reference ? ` — ${app.reference}` : '');
      for (const activity of reviewMessages(getDefinition(app.editionNumber), app.answers, lang, { title, editable: false })) {
        await context.sendActivity(activity);
      }
    }
  }
}
