// npm run check:mutants — shows that each membership rule has a test that fails without its check: removes one
// check at a time from the source, runs the membership tests, expects them to fail, and puts the source back.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const MUTANTS = [
  ['claim: a declared town opens the application', 'data/applications/access.ts',
    'return actor.admin || actor.territories.includes(app.territoryCode);', 'return true;'],
  ['claim: writing needs an approved membership', 'data/applications/access.ts',
    'return actor.territories.includes(app.territoryCode);', 'return true;'],
  ['admin approval: anyone may decide', 'data/membership.ts',
    'if (!(await mayDecide(prisma, decider, row))) return { status: \'forbidden\' };', ''],
  ['admin approval: a non-admin counts as admin', 'data/membership.ts',
    'return decider.admin || isApprovedFor', 'return true || isApprovedFor'],
  ['member approval: members of any territory decide', 'data/membership.ts',
    "const n = await prisma.membership.count({ where: { territoryCode, status: 'approved', member: { teamsUserId } } });",
    "const n = await prisma.membership.count({ where: { status: 'approved', member: { teamsUserId } } });"],
  ['tenant binding: any tenant approves any territory', 'data/membership.ts',
    'const auto = binding?.territoryCode === territoryCode;', 'const auto = !!binding;'],
  ['tenant binding: a shared tenant can be bound', 'data/membership.ts',
    "if (elsewhere) return { status: 'shared', reason: 'members_elsewhere', other: elsewhere.territoryCode };", ''],
  ['tenant binding: non-admins bind', 'data/membership.ts',
    "if (!decider.admin) return { status: 'forbidden' };\n  const tenant", 'const tenant'],
  ['refusal: a refused claim is approved', 'data/membership.ts',
    "refuse: 'refused', revoke: 'revoked'", "refuse: 'approved', revoke: 'revoked'"],
  ['revocation: a revoked member keeps access', 'data/membership.ts',
    "where: { memberId, status: 'approved' }", "where: { memberId, status: { in: ['approved', 'revoked'] } }"],
  ['two deciders: both win', 'data/membership.ts',
    "where: { id: membershipId, status: { in: FROM[decision] } },", 'where: { id: membershipId },'],
];

const tests = ['test/membership.test.ts', 'test/membership.http.test.ts'];
let survived = 0;
for (const [name, file, find, replace] of MUTANTS) {
  const original = readFileSync(file, 'utf8');
  if (!original.includes(find)) { console.log(`?? ${name}: check not found in ${file}`); survived++; continue; }
  writeFileSync(file, original.replace(find, replace));
  try {
    const run = spawnSync('npx', ['vitest', 'run', ...tests], { encoding: 'utf8' });
    const failed = run.status !== 0;
    const count = /Tests\s+.*?(\d+) failed/.exec(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? '0';
    console.log(`${failed ? 'killed  ' : 'SURVIVED'} ${name} (${count} test(s) fail)`);
    if (!failed) survived++;
  } finally {
    writeFileSync(file, original);
  }
}
console.log(survived ? `${survived} check(s) without a failing test` : `all ${MUTANTS.length} checks are covered by a failing test`);
process.exit(survived ? 1 : 0);
