import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: a dotted label path such as `341881.341881001`. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

/** bytea as a Node Buffer (encrypted fields). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});
