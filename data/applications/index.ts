// Label applications: drafts shared by a territory's team, optimistic locking, submit/reopen, export.
export * from './access.ts';
export * from './repository.ts';
export * from './submit.ts';
export * from './export.ts';
