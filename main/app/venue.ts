/**
 * A venue opened on a data directory: the lock, the store, this device's id
 * and clock. The CLI, the web host and the Electron main process each open
 * one and pass it to the API handlers.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { openDatabase, type Db } from '../../db/connection';
import type { VenueConfig } from '../config/config';
import type { Language } from '../contract/messages';
import { acquireLock } from '../datadir/lock';
import type { Logger } from '../log/logger';
import { HybridLogicalClock } from '../venue/hlc';

export interface Venue {
  dataDir: string;
  db: Db;
  log: Logger;
  deviceId: string;
  clock: HybridLogicalClock;
  actor: string;
  /** Present when a config file was given; sync and delivery need it. */
  config: VenueConfig | null;
  /** Language of the sentences the handlers return. */
  language: Language;
  close(): void;
}

function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export { readMeta };

function currentUser(): string {
  try {
    return userInfo().username || 'onbekend';
  } catch {
    return 'onbekend';
  }
}

export function openVenue(options: {
  dataDir: string;
  config: VenueConfig | null;
  log: Logger;
  command: string;
  actor?: string;
  language?: Language;
}): Venue {
  const lock = acquireLock(options.dataDir, options.command);
  let db: Db;
  try {
    db = openDatabase(options.dataDir, options.log);
  } catch (error) {
    lock.release();
    throw error;
  }

  let deviceId = readMeta(db, 'device.id');
  if (!deviceId) {
    deviceId = randomBytes(8).toString('hex');
    writeMeta(db, 'device.id', deviceId);
  }
  const lastHlc = (db.prepare('SELECT max(hlc) AS hlc FROM capture_event').get() as { hlc: string | null }).hlc;

  if (options.config) {
    // Remembered so that commands without --config show times in the venue's zone.
    writeMeta(db, 'venue.timezone', options.config.timezone);
    writeMeta(db, 'venue.locations', JSON.stringify(options.config.locations));
  }

  return {
    dataDir: options.dataDir,
    db,
    log: options.log,
    deviceId,
    clock: new HybridLogicalClock(deviceId, Date.now, lastHlc),
    actor: options.actor ?? currentUser(),
    config: options.config,
    language: options.language ?? 'nl',
    close() {
      db.close();
      lock.release();
    },
  };
}

export function venueTimezone(venue: Venue): string {
  return venue.config?.timezone ?? readMeta(venue.db, 'venue.timezone') ?? 'Europe/Amsterdam';
}

export function venueLocations(venue: Venue): string[] {
  if (venue.config) return venue.config.locations;
  const stored = readMeta(venue.db, 'venue.locations');
  return stored ? (JSON.parse(stored) as string[]) : [];
}
