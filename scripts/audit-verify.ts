// npm run audit:verify: walk the audit log's hash chain and report the first broken link (exit 1 when broken).
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { AuditService } from '../server/modules/audit/audit.service';

const config = loadConfig();
const database = await openDatabase(config);
const verdict = await new AuditService(database.db, config.audit.retentionDays).verify();
await database.close();
if (verdict.ok) {
  console.log(`审计链完整 / Audit chain intact: ${verdict.checked} entries (seq ${verdict.firstSeq ?? '-'}…${verdict.lastSeq ?? '-'}).`);
} else {
  console.error(`审计链断裂 / Audit chain BROKEN at seq ${verdict.brokenAt} (${verdict.reason}); ${verdict.checked} entries verified before it.`);
  process.exit(1);
}
