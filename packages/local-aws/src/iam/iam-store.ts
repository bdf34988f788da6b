import { randomBytes } from 'node:crypto';
import { openSqlite, type SqliteDatabase, type SqliteStatement } from '@batchops/engine';
import { ServiceError } from '../errors/service-error.js';
import { type PolicyDocument, type PolicyKind, parsePolicy } from './policy-document.js';

// Roles, users, their inline policies and access keys, per account, in SQLite (WAL): IAM state
// survives a restart like buckets and jobs do.

export interface RoleRow {
  readonly accountId: string;
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly created: number;
  readonly description: string | null;
  readonly maxSessionDuration: number;
  readonly trustPolicy: string;
}

export interface UserRow {
  readonly accountId: string;
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly created: number;
}

export interface AccessKeyRow {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly userName: string;
  readonly status: 'Active' | 'Inactive';
  readonly created: number;
}

export type PrincipalKind = 'role' | 'user';

const noSuchEntity = (message: string) => new ServiceError(404, 'NoSuchEntity', message);
const exists = (message: string) => new ServiceError(409, 'EntityAlreadyExists', message);

/** IAM's unique IDs: a 4-letter type prefix and 17 base-32 characters (AROA… for roles, AIDA… for users). */
function uniqueId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(17);
  return prefix + Array.from(bytes, (b) => alphabet[b & 31]).join('');
}

/** Whether a stored document still parses (documents are checked before they are stored). */
const parsed = new Map<string, PolicyDocument>();
export function cachedPolicy(text: string, kind: PolicyKind): PolicyDocument {
  const id = `${kind}\0${text}`;
  let doc = parsed.get(id);
  if (!doc) {
    doc = parsePolicy(text, kind);
    if (parsed.size > 2000) parsed.clear();
    parsed.set(id, doc);
  }
  return doc;
}

/** A role or user that must exist. */
function found<T>(row: T | undefined, kind: 'role' | 'user', name: string): T {
  if (!row) throw noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  return row;
}

export class IamStore {
  private readonly db: SqliteDatabase;
  // Statements compiled once: the policy lookups run on every request of a user or role.
  private readonly statements = new Map<string, SqliteStatement>();
  /** Bumped by every write that changes whose inline policies are what (the Authorizer's cache key). */
  policyGeneration = 0;

  private sql(text: string): SqliteStatement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS roles (
        account TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, id TEXT NOT NULL, path TEXT NOT NULL,
        created INTEGER NOT NULL, description TEXT, max_session INTEGER NOT NULL, trust TEXT NOT NULL,
        PRIMARY KEY (account, name));
      CREATE TABLE IF NOT EXISTS users (
        account TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, id TEXT NOT NULL, path TEXT NOT NULL,
        created INTEGER NOT NULL, PRIMARY KEY (account, name));
      CREATE TABLE IF NOT EXISTS inline_policies (
        account TEXT NOT NULL, kind TEXT NOT NULL, principal TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (account, kind, principal, name));
      CREATE TABLE IF NOT EXISTS access_keys (
        id TEXT PRIMARY KEY, secret TEXT NOT NULL, account TEXT NOT NULL, user TEXT NOT NULL COLLATE NOCASE,
        status TEXT NOT NULL, created INTEGER NOT NULL);
    `);
  }

  close(): void {
    this.db.close();
  }

  // Roles and users are alike: one row per (account, name), listed by name under a path prefix.
  private findEntity(table: 'roles' | 'users', accountId: string, name: string) {
    return this.sql(`SELECT * FROM ${table} WHERE account = ? AND name = ?`).get(accountId, name) as
      | Record<string, unknown>
      | undefined;
  }

  private listEntities(table: 'roles' | 'users', accountId: string, pathPrefix: string) {
    const rows = this.sql(`SELECT * FROM ${table} WHERE account = ? ORDER BY name COLLATE NOCASE`).all(
      accountId,
    ) as Record<string, unknown>[];
    return rows.filter((r) => (r.path as string).startsWith(pathPrefix));
  }

  // Roles --------------------------------------------------------------------------------------

  private role(r: Record<string, unknown>): RoleRow {
    const account = r.account as string;
    const path = r.path as string;
    return {
      accountId: account,
      name: r.name as string,
      id: r.id as string,
      path,
      arn: `arn:aws:iam::${account}:role${path}${r.name as string}`,
      created: r.created as number,
      description: (r.description as string | null) ?? null,
      maxSessionDuration: r.max_session as number,
      trustPolicy: r.trust as string,
    };
  }

  createRole(input: {
    accountId: string;
    name: string;
    path: string;
    trustPolicy: string;
    description?: string;
    maxSessionDuration?: number;
    created: number;
  }): RoleRow {
    parsePolicy(input.trustPolicy, 'trust');
    if (this.getRole(input.accountId, input.name))
      throw exists(`Role with name ${input.name} already exists.`);
    this.sql(
      'INSERT INTO roles (account, name, id, path, created, description, max_session, trust) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      input.accountId,
      input.name,
      uniqueId('AROA'),
      input.path,
      input.created,
      input.description ?? null,
      input.maxSessionDuration ?? 3600,
      input.trustPolicy,
    );
    return this.mustGetRole(input.accountId, input.name);
  }

  getRole(accountId: string, name: string): RoleRow | undefined {
    const r = this.findEntity('roles', accountId, name);
    return r && this.role(r);
  }

  mustGetRole(accountId: string, name: string): RoleRow {
    return found(this.getRole(accountId, name), 'role', name);
  }

  listRoles(accountId: string, pathPrefix: string): RoleRow[] {
    return this.listEntities('roles', accountId, pathPrefix).map((r) => this.role(r));
  }

  updateTrustPolicy(accountId: string, name: string, trustPolicy: string): void {
    this.mustGetRole(accountId, name);
    parsePolicy(trustPolicy, 'trust');
    this.sql('UPDATE roles SET trust = ? WHERE account = ? AND name = ?').run(trustPolicy, accountId, name);
  }

  deleteRole(accountId: string, name: string): void {
    this.mustGetRole(accountId, name);
    if (this.listPolicies(accountId, 'role', name).length > 0)
      throw new ServiceError(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
    this.sql('DELETE FROM roles WHERE account = ? AND name = ?').run(accountId, name);
    this.policyGeneration++;
  }

  // Users --------------------------------------------------------------------------------------

  private user(r: Record<string, unknown>): UserRow {
    const account = r.account as string;
    return {
      accountId: account,
      name: r.name as string,
      id: r.id as string,
      path: r.path as string,
      arn: `arn:aws:iam::${account}:user${r.path as string}${r.name as string}`,
      created: r.created as number,
    };
  }

  createUser(input: { accountId: string; name: string; path: string; created: number }): UserRow {
    if (this.getUser(input.accountId, input.name))
      throw exists(`User with name ${input.name} already exists.`);
    this.sql('INSERT INTO users (account, name, id, path, created) VALUES (?, ?, ?, ?, ?)').run(
      input.accountId,
      input.name,
      uniqueId('AIDA'),
      input.path,
      input.created,
    );
    return this.mustGetUser(input.accountId, input.name);
  }

  getUser(accountId: string, name: string): UserRow | undefined {
    const r = this.findEntity('users', accountId, name);
    return r && this.user(r);
  }

  mustGetUser(accountId: string, name: string): UserRow {
    return found(this.getUser(accountId, name), 'user', name);
  }

  listUsers(accountId: string, pathPrefix: string): UserRow[] {
    return this.listEntities('users', accountId, pathPrefix).map((r) => this.user(r));
  }

  deleteUser(accountId: string, name: string): void {
    this.mustGetUser(accountId, name);
    if (
      this.listPolicies(accountId, 'user', name).length > 0 ||
      this.listAccessKeys(accountId, name).length > 0
    )
      throw new ServiceError(
        409,
        'DeleteConflict',
        'Cannot delete entity, must delete policies and access keys first.',
      );
    this.sql('DELETE FROM users WHERE account = ? AND name = ?').run(accountId, name);
    this.policyGeneration++;
  }

  // Inline policies ----------------------------------------------------------------------------

  private mustGetPrincipal(accountId: string, kind: PrincipalKind, name: string): void {
    if (kind === 'role') this.mustGetRole(accountId, name);
    else this.mustGetUser(accountId, name);
  }

  putPolicy(accountId: string, kind: PrincipalKind, principal: string, name: string, document: string): void {
    this.mustGetPrincipal(accountId, kind, principal);
    parsePolicy(document, 'identity');
    this.sql(
      'INSERT INTO inline_policies (account, kind, principal, name, document) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, kind, principal, name) DO UPDATE SET document = excluded.document',
    ).run(accountId, kind, principal, name, document);
    this.policyGeneration++;
  }

  getPolicy(accountId: string, kind: PrincipalKind, principal: string, name: string): string {
    this.mustGetPrincipal(accountId, kind, principal);
    const r = this.sql(
      'SELECT document FROM inline_policies WHERE account = ? AND kind = ? AND principal = ? AND name = ?',
    ).get(accountId, kind, principal, name) as { document: string } | undefined;
    if (!r) throw noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
    return r.document;
  }

  listPolicies(
    accountId: string,
    kind: PrincipalKind,
    principal: string,
  ): Array<{ name: string; document: string }> {
    return this.sql(
      'SELECT name, document FROM inline_policies WHERE account = ? AND kind = ? AND principal = ? ORDER BY name',
    ).all(accountId, kind, principal) as Array<{ name: string; document: string }>;
  }

  deletePolicy(accountId: string, kind: PrincipalKind, principal: string, name: string): void {
    this.getPolicy(accountId, kind, principal, name);
    this.sql('DELETE FROM inline_policies WHERE account = ? AND kind = ? AND principal = ? AND name = ?').run(
      accountId,
      kind,
      principal,
      name,
    );
    this.policyGeneration++;
  }

  // Access keys --------------------------------------------------------------------------------

  createAccessKey(accountId: string, userName: string, created: number): AccessKeyRow {
    const user = this.mustGetUser(accountId, userName);
    if (this.listAccessKeys(accountId, userName).length >= 2)
      throw new ServiceError(409, 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
    const key: AccessKeyRow = {
      accessKeyId: uniqueId('AKIA').slice(0, 20),
      secretAccessKey: randomBytes(30).toString('base64').slice(0, 40),
      accountId,
      userName: user.name,
      status: 'Active',
      created,
    };
    this.sql(
      'INSERT INTO access_keys (id, secret, account, user, status, created) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(key.accessKeyId, key.secretAccessKey, accountId, user.name, key.status, created);
    return key;
  }

  private key(r: Record<string, unknown>): AccessKeyRow {
    return {
      accessKeyId: r.id as string,
      secretAccessKey: r.secret as string,
      accountId: r.account as string,
      userName: r.user as string,
      status: r.status as 'Active' | 'Inactive',
      created: r.created as number,
    };
  }

  accessKey(accessKeyId: string): AccessKeyRow | undefined {
    const r = this.sql('SELECT * FROM access_keys WHERE id = ?').get(accessKeyId);
    return r ? this.key(r as Record<string, unknown>) : undefined;
  }

  listAccessKeys(accountId: string, userName: string): AccessKeyRow[] {
    return (
      this.sql('SELECT * FROM access_keys WHERE account = ? AND user = ? ORDER BY created, id').all(
        accountId,
        userName,
      ) as Record<string, unknown>[]
    ).map((r) => this.key(r));
  }

  deleteAccessKey(accountId: string, userName: string, accessKeyId: string): void {
    this.mustGetUser(accountId, userName);
    const r = this.sql('DELETE FROM access_keys WHERE id = ? AND account = ? AND user = ?').run(
      accessKeyId,
      accountId,
      userName,
    );
    if (r.changes === 0) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  }
}
