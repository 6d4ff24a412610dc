// Configuration for Prisma's own CLI. The bot does not use it at run time: it connects through
// driver adapters (src/storage/database.ts) and applies migrations itself (src/storage/migrate.ts).
// Where Prisma's native engine is available, `npx prisma migrate deploy` works against the same
// migrations and DATABASE_URL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? 'postgresql://localhost:5432/dialog_kinerja' },
});
