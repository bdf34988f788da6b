import Database from 'better-sqlite3';

/**
 * Open a local-aws SQLite file as every store keeps it: WAL, synchronous NORMAL (survives a
 * process crash, kill -9; only power loss may drop the last commits), a 5 s busy timeout.
 */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
