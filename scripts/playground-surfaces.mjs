// npm run check:playground-surfaces — the surfaces beyond the typed personal chat (#19), clicked through in the
// Microsoft 365 Agents Playground in headless Chromium as a person would: the level card's Universal Actions
// (History / Back to the level), a group chat (silent unless @mentioned), a team channel, and the compose-box
// search. Starts the bot on a fresh embedded database and the Playground like scripts/playground-check.mjs.
// One line per step (✓/✗); a failed step skips the rest of its section; exit code 0 only if every step passed.
// Needs Debian's chromium (or CHROMIUM=<path>). SHOT=<file.png>: final screenshot (failures are saved next to it,
// or under /tmp). DEBUG=1 prints what the browser posts. WAIT_MS: how long a reply may take (15 s).
import { startPlaygroundRig } from './lib/playgroundRig.mjs';

const WAIT_MS = Number(process.env.WAIT_MS ?? 15_000);
const QUIET_MS = Number(process.env.QUIET_MS ?? 5_000); // how long a group chat stays silent without @mention
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEVEL = (name) => new RegExp(`${esc(name)} — \\d arobases?`);
const HISTORY = (name) => new RegExp(`Label history — ${esc(name)}`);


class StepFailed extends Error {}
let rig;
let page;
let passed = 0;
let failures = 0;
const one = (s) => s.replace(/\s+/g, ' ').trim();
const ok = (line, seen, t0) => { passed++; console.log(`✓ ${line} → ${one(seen).slice(0, 110)}${t0 ? ` (${Date.now() - t0} ms)` : ''}`); };
const fail = (line, why) => { throw new StepFailed(`✗ ${line}: ${why}`); };

// The Log Panel: the innermost element holding its title and its last line.
const LOG = () => [...document.querySelectorAll('div')].filter((d) => d.innerText?.startsWith('Log Panel') && d.innerText.includes('Click on a log item')).pop()?.innerText ?? '';
// What the page shows, without the Log Panel (the search popup comes after it in the DOM).
const shown = () => page.evaluate(`document.body.innerText.replace((${LOG})() || '\\u0000', '')`);
// The Log Panel lists every activity: the bot's messages (« User Application → Playground message 201 ») and what
// the Playground forwarded to the bot (« Playground → User Application message 200 »).
const logText = () => page.evaluate(`(${LOG})()`);
const botMessages = async () => ((await logText()).match(/User Application \S+ Microsoft 365 Agents Playground message/g) ?? []).length;
const forwarded = async () => ((await logText()).match(/Microsoft 365 Agents Playground \S+ User Application message/g) ?? []).length;
const count = (text, re) => (text.match(new RegExp(re.source, 'g')) ?? []).length;
/** Polls until `check` returns what it saw (a string), or null after `ms`. */
async function until(check, ms = WAIT_MS) {
  for (const t0 = Date.now(); Date.now() - t0 < ms;) { const seen = await check(); if (seen) return seen; await page.waitForTimeout(250); }
  return null;
}
/** Waits for the bot to stop talking (no new message for 1.5 s), e.g. the welcome when a chat is first opened. */
async function settle() {
  let n = await botMessages();
  for (let quiet = 0; quiet < 1_500; quiet += 250) { await page.waitForTimeout(250); const m = await botMessages(); if (m !== n) { n = m; quiet = -250; } }
}
/** Does `action`, then expects `expected` to be shown once more than before; returns the text around it. */
async function step(line, action, expected) {
  const before = count(await shown(), expected);
  const t0 = Date.now();
  await action();
  const seen = await until(async () => { const now = await shown(); return count(now, expected) > before && now.slice([...now.matchAll(new RegExp(expected.source, 'g'))].pop().index).slice(0, 200); });
  if (!seen) fail(line, `nothing matching ${expected} within ${WAIT_MS / 1000} s; the page ends with: ${one((await shown()).slice(-400))}`);
  return { seen, t0 };
}
const box = () => page.locator('[data-lexical-editor="true"]').first();
async function say(text, mentionBot = false) {
  await box().click();
  if (mentionBot) {
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: 'Test Bot' }).click({ timeout: 5_000 }); // the compose box's @ typeahead
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
/** The last Adaptive Card showing `re`, and its buttons' names. */
const cardWith = (re) => page.locator('.ac-adaptiveCard', { hasText: re }).last();
const buttonsOf = async (card) => (await card.getByRole('button').allInnerTexts()).map(one);
async function clickIn(re, name) {
  const n = await page.getByRole('button', { name: 'Show more information' }).count(); // one per message
  await cardWith(re).getByRole('button', { name, exact: true }).click({ timeout: 5_000 });
  return n;
}
const sameMessages = async (n) => (await page.getByRole('button', { name: 'Show more information' }).count()) === n;
async function open(treeitem) {
  await page.getByRole('treeitem', { name: treeitem }).click();
  await box().waitFor({ timeout: 10_000 });
  await settle();
}
/** A level card with « History » and « 20xx awards » (Action.Execute), clicked to the history and back. */
async function levelCardRoundTrip(where, name) {
  const card = cardWith(LEVEL(name));
  const buttons = await buttonsOf(card);
  const line = `${where}: level card of ${name} has « History » and « 20xx awards »`;
  if (!buttons.includes('History') || !buttons.some((b) => /^\d{4} awards$/.test(b))) fail(line, `its buttons are [${buttons.join(' | ')}]`);
  ok(line, `[${buttons.join(' | ')}]`);
  await settle();
  let n;
  const history = await step(`click « History »`, async () => { n = await clickIn(LEVEL(name), 'History'); }, HISTORY(name));
  const back = await buttonsOf(cardWith(HISTORY(name)));
  if (!(await sameMessages(n))) fail('click « History »', 'the history came as a new message, not in place of the level card');
  if (!back.includes('Back to the level')) fail('click « History »', `the history card has no « Back to the level » but [${back.join(' | ')}]`);
  ok(`click « History » → card replaced, with « Back to the level »`, history.seen, history.t0);
  const level = await step('click « Back to the level »', async () => { n = await clickIn(HISTORY(name), 'Back to the level'); }, LEVEL(name));
  if (!(await sameMessages(n))) fail('click « Back to the level »', 'the level card came as a new message');
  ok('click « Back to the level » → level card again', level.seen, level.t0);
}

const SECTIONS = [
  ['1. Personal chat', async () => {
    const r = await step('type « What level is Grenoble? »', () => say('What level is Grenoble?'), LEVEL('Grenoble (Isère)'));
    ok('type « What level is Grenoble? »', r.seen, r.t0);
    await levelCardRoundTrip('personal chat', 'Grenoble (Isère)');
  }],
  ['2. Group chat', async () => {
    await open('Group Chat');
    const [bots, sent] = [await botMessages(), await forwarded()];
    await say('what level is Grenoble?');
    await page.waitForTimeout(QUIET_MS);
    const line = `type « what level is Grenoble? » without @mention`;
    if ((await botMessages()) > bots) fail(line, `the bot replied: ${one((await shown()).slice(-300))}`);
    ok(line, `no reply in ${QUIET_MS / 1000} s (the Playground ${(await forwarded()) > sent ? 'forwarded it to the bot' : 'did not even forward it to the bot'})`);
    const r = await step('type « @Test Bot what level is Grenoble? »', () => say('what level is Grenoble?', true), LEVEL('Grenoble (Isère)'));
    ok('type « @Test Bot what level is Grenoble? » (picked in the @ typeahead)', r.seen, r.t0);
  }],
  ['3. Team channel', async () => {
    await open('My Team - General'); // its first compose box is « Start a new post »
    const r = await step('post « @Test Bot history of Bron » in General', () => say('history of Bron', true), HISTORY('Bron'));
    ok('post « @Test Bot history of Bron » in General', r.seen, r.t0);
  }],
  ['4. Compose-box search', async () => {
    await open('Personal Chat');
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Search Command' }).click({ timeout: 5_000 });
    await page.getByText('Specify Command ID or Parameter').click({ timeout: 5_000 });
    await page.getByPlaceholder('Command ID').fill('searchTerritory');
    await page.getByPlaceholder('Parameter name').fill('queryText');
    const title = 'Saint-Germain-en-Laye (Yvelines)';
    const r = await step('search « st germain en laye »', () => page.getByPlaceholder('Enter a search term').fill('st germain en laye'), /Saint-Germain-en-Laye \(Yvelines\)\n/);
    ok('search « st germain en laye » (Command ID searchTerritory, Parameter queryText)', r.seen, r.t0);
    const inserted = await step(`select « ${title} »`, () => page.getByText(title, { exact: true }).last().click(), LEVEL('Saint-Germain-en-Laye (Yvelines)'));
    ok(`select « ${title} » → card in the compose box`, inserted.seen, inserted.t0);
    const [bots, messages] = [await botMessages(), await page.getByRole('button', { name: 'Show more information' }).count()];
    await page.getByRole('button', { name: 'Send Message' }).click();
    const sent = await until(async () => (await page.getByRole('button', { name: 'Show more information' }).count()) > messages && 'sent');
    if (!sent || !(await cardWith(LEVEL('Saint-Germain-en-Laye (Yvelines)')).isVisible())) fail('send the card', 'no new message with the level card');
    ok('send the card', `the level card of ${title} is in the chat`);
    await settle();
    // The Playground sends the card as a message from the person (markup as text): nothing to answer.
    const reply = (await shown()).split('Type a message...')[0].split(/Test Bot\n[\d:]+ [AP]M\n/).pop();
    if ((await botMessages()) > bots) fail('send the card', `the bot answered the sent card: « ${one(reply).slice(0, 110)} »`);
    await levelCardRoundTrip('sent search card', 'Saint-Germain-en-Laye (Yvelines)');
  }],
];

try {
  rig = await startPlaygroundRig();
  page = rig.page;
  await box().waitFor({ timeout: 30_000 });
  await settle();
  for (const [name, run] of SECTIONS) {
    console.log(name);
    try {
      await run();
    } catch (e) {
      failures++;
      console.log(e instanceof StepFailed ? e.message : `✗ ${String(e?.message ?? e).split('\n')[0]}`);
      const path = process.env.SHOT ? process.env.SHOT.replace(/(\.png)?$/, `-${name.slice(0, 1)}.png`) : `/tmp/playground-surfaces-${name.slice(0, 1)}.png`;
      await page.screenshot({ path }).then(() => console.log(`  screenshot: ${path}`), () => {});
    }
  }
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
} catch (e) {
  console.error(String(e?.stack ?? e));
  failures++;
} finally {
  await rig?.close();
}
console.log(failures ? `Playground surfaces FAILED: ${failures} section(s) failed, ${passed} step(s) passed` : `Playground surfaces passed: ${passed} steps`);
process.exit(failures ? 1 : 0);
