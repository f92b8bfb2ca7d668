import cluster, { type Worker } from 'node:cluster';
import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { seedIfEmpty } from './db/seed';
import { loadFieldCrypto } from './lib/crypto';
import { clusterWorker, hostProcessGroup, singleProcess } from './lib/process-group';
import './db/seed/steps';

type Seeded = Awaited<ReturnType<typeof seedIfEmpty>>;

/**
 * Starts Shequ. One process (PGlite, or SERVER_PROCESSES=1): open and migrate the database, seed the demo
 * city when empty, listen, drain on SIGTERM. Several (PostgreSQL): the primary migrates and seeds, then
 * forks the server processes, which share the port (node:cluster), and holds their shared counters.
 */
async function main() {
  const config = loadConfig();
  if (cluster.isPrimary && config.processes > 1) return primary(config);
  return serve(config);
}

/** Opens, migrates and (when empty) seeds the database: once, before any server process listens. */
async function prepare(config: Config) {
  const database = await openDatabase(config);
  await migrateDatabase(database);
  const seeded = config.seedDemo === 'auto' ? await seedIfEmpty(database, config) : null;
  return { database, seeded };
}

/** The primary of several server processes: forks them, replaces one that dies, stops them on SIGTERM. */
async function primary(config: Config) {
  const { database, seeded } = await prepare(config);
  await database.close();
  // The personal-data key, created here when new: the workers read it, none races another to write it.
  loadFieldCrypto(config);
  const group = hostProcessGroup();
  let stopping = false;
  let started = false;
  const fork = () => {
    const worker = cluster.fork();
    group.attach(worker);
    return worker;
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    group.detach(worker);
    if (stopping) {
      // The last one gone: exit with the code set (1 when a process could not start).
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    if (!started) {
      // A process that cannot start (port taken, database gone) would fail again: stop them all.
      console.error(`a server process exited while starting (code ${code ?? signal}); stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    console.error(`server process ${worker.process.pid} exited (${code ?? signal}); starting another`);
    // Not unref'd: with every process gone, this timer is what keeps the primary alive to start another.
    setTimeout(fork, 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));
  await Promise.all(Array.from({ length: config.processes }, () => new Promise((resolve) => fork().once('listening', resolve))));
  started = true;
  banner(config, seeded);
}

/** One server process: alone (it prepares the database) or one of the primary's workers (it does not). */
async function serve(config: Config) {
  const worker = cluster.isWorker;
  const { database, seeded } = worker ? { database: await openDatabase(config), seeded: null } : await prepare(config);
  const app = await buildApp(config, database, worker ? clusterWorker(config.processes) : singleProcess());

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
  // A worker whose primary is gone stops too (the primary holds the counters and replaces workers).
  if (worker) process.on('disconnect', () => void shutdown('disconnect'));

  // Housekeeping as scheduled jobs: stored in the database, so several processes run each pass once.
  const { jobs, auth, audit, imports } = app.services;
  jobs
    .define('auth.sweep', { run: async () => ({ removed: await auth.sweep() }) })
    .define('audit.purge', { run: async () => ({ purged: await audit.purgeExpired() }) })
    .define('imports.purge-reports', { run: async () => ({ purged: await imports.purgeReports(config.upload.reportDays) }) })
    .define('jobs.purge', { run: async () => ({ purged: await jobs.purgeFinished(30) }) })
    // Imports themselves are jobs (defined by ImportsService); this fails those whose job will not run again.
    .define('imports.fail-orphans', { run: async () => ({ failed: await imports.failOrphans() }) })
    .schedule('imports.fail-orphans', 'imports.fail-orphans', { everySeconds: 60 })
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
  if (!worker) banner(config, seeded);
}

/** What the console shows once Shequ listens: where, on which database, and the demo accounts when seeded. */
function banner(config: Config, seeded: Seeded | null) {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  社区 Shequ is running: ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}/pglite`}`,
  ];
  if (config.processes > 1) lines.push(`  Server processes: ${config.processes} (SERVER_PROCESSES)`);
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
