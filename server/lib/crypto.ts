import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal data (ID numbers): AES-256-GCM with a random IV, plus an HMAC-SHA256
 * blind index for exact look-up. The master key lives outside the database: SHEQU_KEY, or a key file
 * created with mode 0600 on first start.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(master: Buffer) {
    if (master.length !== 32) throw new Error('The encryption key must be 32 bytes (64 hex characters or 44 base64 characters)');
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'shequ field encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'shequ blind index', 32));
  }

  /** iv (12) ‖ tag (16) ‖ ciphertext */
  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for equality look-ups; the same input always gives the same hex. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }
}

function parseKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  if (b.length === 32) return b;
  throw new Error('SHEQU_KEY / key file must hold 32 bytes as 64 hex or base64 characters');
}

/** The key from SHEQU_KEY, else from the key file (created 0600 when missing); in memory for tests. */
export function loadFieldCrypto(opts: { encryptionKey?: string; keyFile: string; inMemory: boolean }): FieldCrypto {
  if (opts.encryptionKey) return new FieldCrypto(parseKey(opts.encryptionKey));
  if (opts.inMemory) return new FieldCrypto(randomBytes(32));
  if (fs.existsSync(opts.keyFile)) {
    const mode = fs.statSync(opts.keyFile).mode & 0o077;
    if (mode !== 0) fs.chmodSync(opts.keyFile, 0o600);
    return new FieldCrypto(parseKey(fs.readFileSync(opts.keyFile, 'utf8')));
  }
  fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(opts.keyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return new FieldCrypto(key);
}
