import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { seedIfEmpty } from './db/seed';
import './db/seed/steps';

/** Starts Shequ: open and migrate the database, seed the demo city when empty, listen, drain on SIGTERM. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  await migrateDatabase(database);
  const seeded = config.seedDemo === 'auto' ? await seedIfEmpty(database, config) : null;
  const app = await buildApp(config, database);

  // The chain's head, written to audit_anchors, the anchor file and this log: the verifier reports a chain
  // that ends before the newest anchor or disagrees with one (entries deleted at the end, or rewritten).
  const anchorAudit = async () => {
    const a = await app.services.audit.anchor();
    if (a) app.log.info({ auditAnchor: { seq: a.seq, hash: a.hash } }, 'audit chain head');
    return a ? { seq: a.seq } : {};
  };

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining requests and closing the database');
    // close() closes the idle keep-alive connections once; a connection busy at that moment stays open
    // after its answer until the keep-alive timeout (72 s), holding close() up. Close each as it goes idle.
    const idle = setInterval(() => app.server.closeIdleConnections(), 50);
    try {
      await app.close();
    } finally {
      clearInterval(idle);
      await anchorAudit().catch((err) => app.log.warn({ err }, 'could not anchor the audit chain at shutdown'));
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Housekeeping as scheduled jobs: stored in the database, so several processes run each pass once.
  const { jobs, auth, audit, imports } = app.services;
  jobs
    .define('auth.sweep', { run: async () => ({ removed: await auth.sweep() }) })
    .define('audit.purge', { run: async () => ({ purged: await audit.purgeExpired() }) })
    .define('imports.purge-reports', { run: async () => ({ purged: await imports.purgeReports(config.upload.reportDays) }) })
    .define('jobs.purge', { run: async () => ({ purged: await jobs.purgeFinished(30) }) })
    .define('imports.fail-stale', { run: async () => ({ failed: await imports.failStale() }) })
    .schedule('imports.fail-stale', 'imports.fail-stale', { everySeconds: 60 })
    .schedule('auth.sweep', 'auth.sweep', { everySeconds: 600 })
    .schedule('audit.purge', 'audit.purge', { everySeconds: 600 })
    .schedule('imports.purge-reports', 'imports.purge-reports', { everySeconds: 600 })
    .define('audit.anchor', { run: anchorAudit })
    .schedule('audit.anchor', 'audit.anchor', { everySeconds: config.audit.anchorMinutes * 60 })
    .schedule('jobs.purge', 'jobs.purge', { dailyAt: '03:30' });
  // Stop claiming work before the database closes.
  app.addHook('onClose', async () => jobs.stop());
  await jobs.start();

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  社区 Shequ is running: ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (seeded) {
    lines.push('', `  Demo accounts (password: ${config.demoPassword}):`);
    for (const a of seeded.accounts) lines.push(`    ${a.username.padEnd(18)} ${a.label}`);
    const totp = [
      ...(config.adminTotp === 'required' ? ['admin', 'security', 'auditor'] : []),
      ...(config.sensitiveTotp === 'required' ? ['mzj', 'labour'] : []),
    ];
    if (totp.length)
      lines.push(
        `  ${totp.join(' / ')}: 首次登录时用手机身份验证器扫码绑定动态口令 (TOTP)；`,
        '    set up an authenticator app (TOTP) at the first sign-in, e.g. `oathtool --totp -b <key>` without a phone.',
      );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
