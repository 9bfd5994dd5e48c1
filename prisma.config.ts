// Prisma CLI configuration (Prisma 7). The runtime picks its database in data/database.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
