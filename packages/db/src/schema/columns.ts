import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const deletedAt = () => timestamp('deleted_at', { withTimezone: true, mode: 'date' });

export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * A point of the `cube` extension (contrib, trusted since PostgreSQL 13; at most 100
 * dimensions): written and read as its text form `(x1, x2, …)`.
 */
export const cube = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'cube',
  toDriver: (v) => `(${v.join(', ')})`,
  fromDriver: (text) => text.replace(/[()]/gu, '').split(',').map(Number),
});
