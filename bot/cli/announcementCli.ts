// The frame of the announcement CLIs: the database opened and closed around the work, and a refusal of the outbox
// (AnnouncementError: already cancelled, no awards…) printed as its French sentence with exit code 1, not a stack.
import type { Database } from '../../data/database.ts';
import { openConfiguredDatabase } from '../environment.ts';
import { AnnouncementError } from '../../data/notifications/index.ts';

export async function withAnnouncements(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openConfiguredDatabase();
  try {
    await work(db);
  } catch (error) {
    if (!(error instanceof AnnouncementError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
