// npm run check:playground — starts the bot on a fresh embedded database and the Microsoft 365 Agents Playground
// (the Teams emulator), then clicks through arobase in headless Chromium as a person would: the help card's
// suggestions, a level question with a homonym picked by button, an application answered with buttons (territory,
// the admin's approval card, choices, yes/no), the summary's « Continue » and « Edit ». Fails at the first click or
// message that gets no reply. Needs Debian's chromium (`apt-get install -y chromium`, or CHROMIUM=<path>).
// The Playground speaks en-US: the bot answers in English. SHOT=<file.png> saves a screenshot at the end.
import { startPlaygroundRig } from './lib/playgroundRig.mjs';

const WAIT_MS = Number(process.env.WAIT_MS ?? 15_000);
const STEPS = [
  ['say', 'help', /What level is Grenoble\?/],
  ['click', 'What level is Grenoble?', /Grenoble/],
  ['say', 'What level is Saint-Denis?', /Several local authorities are called “Saint-Denis”/],
  ['click', 'Saint-Denis (Seine-Saint-Denis)', /Saint-Denis \(Seine-Saint-Denis\)/],
  ['say', 'application', /which local authority do you represent/],
  ['say', 'Grenoble', /You represent \*?\*?Grenoble/],
  ['click', 'Yes', /your attachment must be approved/],
  // The Playground's user is an admin here (ADMIN_IDS): the approval card, listed, then clicked.
  ['say', 'pending requests', /asks to act for/],
  ['click', 'Approve', /approved/],
  ['say', 'application', /What are your first and last names\?/],
  ['say', 'Alex Wilber', /In what capacity/],
  ['click', 'Elected official', /What is your position\?/],
  ['say', 'Mayor', /e-mail/],
  ['say', 'summary', /Application summary/],
  ['click', 'Continue', /go on where you were[\s\S]*?e-mail/],
  ['say', 'alex@example.org', /phone/],
  ['say', 'skip', /first application/],
  ['click', 'No', /How many arobases/],
  ['say', 'summary', /Application summary/],
  // The « Edit » button of the summary's row « Position » (every row has one).
  ['click', 'Edit', /What is your position\?[\s\S]*?Current answer: Mayor/, 'Position'],
  ['say', 'Mayor of Grenoble', /How many arobases/],
  ['say', 'cancel', /draft is saved/],
];

let rig;
let failed = false;
try {
  rig = await startPlaygroundRig();
  const page = rig.page;
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.waitFor({ timeout: 30_000 });
  const chat = async () => (await page.evaluate(() => document.body.innerText)).split('Type a message...')[0];
  for (const [kind, what, expected, near] of STEPS) {
    const before = await chat();
    const t0 = Date.now();
    if (kind === 'say') {
      await box.click();
      await page.keyboard.type(what);
      await page.keyboard.press('Enter');
    } else {
      // « 3. Position » renders as a Markdown list item; its row (Column < ColumnSet) holds the button.
      const scope = near ? page.locator('li', { hasText: near }).last().locator('xpath=ancestor::div[contains(@class,"ac-container")][2]') : page;
      await scope.getByRole('button', { name: what, exact: true }).last().click({ timeout: 5_000 });
    }
    // A reply: what this step expects appears once more than before (the page also changes elsewhere: typing
    // indicators, timestamps), in the text after the step's own words.
    const count = (text) => (text.match(new RegExp(expected.source, 'g')) ?? []).length;
    let reply = '';
    while (Date.now() - t0 < WAIT_MS) {
      await page.waitForTimeout(250);
      const now = await chat();
      if (count(now) > count(before)) {
        const at = now.lastIndexOf(what);
        reply = now.slice(at >= 0 ? at + what.length : -300);
        break;
      }
    }
    const line = `${kind === 'say' ? 'type ' : 'click'} « ${what} »`;
    if (!reply) {
      console.log(`FAIL  ${line}: no reply matching ${expected} within ${WAIT_MS / 1000} s`);
      console.log((await chat()).slice(-1500));
      failed = true;
      break;
    }
    console.log(`ok    ${line} → ${reply.replace(/\s+/g, ' ').trim().slice(0, 90)} (${Date.now() - t0} ms)`);
  }
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
} catch (e) {
  console.error(String(e?.stack ?? e));
  failed = true;
} finally {
  await rig?.close();
}
console.log(failed ? 'Playground check FAILED' : `Playground check passed: ${STEPS.length} steps, every one answered`);
process.exit(failed ? 1 : 0);
