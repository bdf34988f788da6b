import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ServiceError } from '../errors/service-error.js';
import type { BucketRow } from '../store/s3-rows.js';
import { parseXml, text } from '../xml/xml-reader.js';
import { el, type XmlElement } from '../xml/xml-writer.js';

// S3 Block Public Access: a bucket's settings (bucket config `publicAccessBlock`) and the account's
// (S3 Control, kept in one small JSON file); each setting holds when either level sets it.

export const PUBLIC_ACCESS_SETTINGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;
export type PublicAccessSetting = (typeof PUBLIC_ACCESS_SETTINGS)[number];
export type PublicAccessBlock = Readonly<Record<PublicAccessSetting, boolean>>;

/** What S3 gives a bucket created since April 2023: every setting on. */
export const ALL_BLOCKED: PublicAccessBlock = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

const malformedXml = () =>
  new ServiceError(
    400,
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** A PublicAccessBlockConfiguration document; a missing member is false, as on S3. */
export function parsePublicAccessBlock(xml: string): PublicAccessBlock {
  const doc = parseXml(xml, 'PublicAccessBlockConfiguration');
  const out = {} as Record<PublicAccessSetting, boolean>;
  for (const name of PUBLIC_ACCESS_SETTINGS) {
    const v = text(doc, name);
    if (v !== undefined && v !== 'true' && v !== 'false') throw malformedXml();
    out[name] = v === 'true';
  }
  return out;
}

export const publicAccessBlockXml = (pab: PublicAccessBlock): XmlElement[] =>
  PUBLIC_ACCESS_SETTINGS.map((name) => el(name, pab[name]));

/** The account-level settings (PutPublicAccessBlock of S3 Control), by account. */
export class AccountPublicAccessBlocks {
  private readonly byAccount: Map<string, PublicAccessBlock>;

  constructor(private readonly file: string) {
    let saved: Record<string, PublicAccessBlock> = {};
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PublicAccessBlock>;
    } catch {
      // None saved yet.
    }
    this.byAccount = new Map(Object.entries(saved));
  }

  get(accountId: string): PublicAccessBlock | undefined {
    return this.byAccount.get(accountId);
  }

  set(accountId: string, pab: PublicAccessBlock | undefined): void {
    if (pab) this.byAccount.set(accountId, pab);
    else this.byAccount.delete(accountId);
    // Written whole, then renamed: a crash leaves the old file or the new one.
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(this.byAccount)));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/** The settings in force for a bucket: its own or its owner account's, whichever sets each. */
export function effectivePublicAccessBlock(
  bucket: BucketRow,
  accounts: AccountPublicAccessBlocks | undefined,
): PublicAccessBlock {
  const own = bucket.config.publicAccessBlock as PublicAccessBlock | undefined;
  const account = accounts?.get(bucket.owner);
  const out = {} as Record<PublicAccessSetting, boolean>;
  for (const name of PUBLIC_ACCESS_SETTINGS) out[name] = Boolean(own?.[name] || account?.[name]);
  return out;
}
