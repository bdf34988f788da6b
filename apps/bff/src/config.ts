// The only reader of process.env in the BFF.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRestoreDelays, type RestoreDelayOption } from '@batchops/local-aws';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  BATCHOPS_MODE: z.enum(['local', 'aws']).default('local'),
  BATCHOPS_HOST: z.string().min(1).default('127.0.0.1'),
  BATCHOPS_PORT: port.default(8080),
  BATCHOPS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region such as us-east-1')
    .optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  BATCHOPS_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account ID')
    .optional(),
  BATCHOPS_ENDPOINT: z.string().url().optional(),
  BATCHOPS_LOCAL_AWS_HOST: z.string().min(1).default('127.0.0.1'),
  BATCHOPS_LOCAL_AWS_PORT: port.default(4566),
  BATCHOPS_LOCAL_ACCESS_KEY_ID: z.string().min(1).default('test'),
  BATCHOPS_LOCAL_SECRET_ACCESS_KEY: z.string().min(1).default('test'),
  BATCHOPS_DATA_DIR: z.string().min(1).default('.batchops'),
  BATCHOPS_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  BATCHOPS_RESTORE_DELAYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return v === undefined ? undefined : parseRestoreDelays(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  BATCHOPS_RESTORE_DAY_SECONDS: z.coerce.number().int().min(1).max(31_536_000).optional(),
  BATCHOPS_WEB_DIR: z.string().min(1).optional(),
  BATCHOPS_SERVE_SOURCE_MAPS: z.enum(['true', 'false']).default('false'),
  BATCHOPS_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'must be host names, comma-separated')),
    ),
});

/** Addresses that mean "every interface": never a Host a browser sends. */
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

interface CommonConfig {
  readonly host: string;
  readonly port: number;
  /** Host names served besides localhost, 127.0.0.1 and [::1]: BATCHOPS_ALLOWED_HOSTS and BATCHOPS_HOST. */
  readonly allowedHosts: readonly string[];
  /** Serve the web build's source maps (they hold the whole source); off unless asked for. */
  readonly serveSourceMaps: boolean;
  /** The console's own files (progress history, decision 0033): BATCHOPS_DATA_DIR/console. */
  readonly consoleDataDir: string;
}

export interface LocalConfig extends CommonConfig {
  readonly mode: 'local';
  readonly region: string;
  readonly accountId: string;
  readonly webDir: string;
  readonly localAws: {
    readonly host: string;
    readonly port: number;
    readonly dataDir: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    /** Create the demo buckets and manifest on the first start. */
    readonly seedDemo: boolean;
    /** Simulated restores (local-aws's `s3` options): delay per tier and the length of a restore day, in ms. */
    readonly restore: { readonly restoreDelayMs?: RestoreDelayOption; readonly restoreDayMs?: number };
  };
}

export interface AwsConfig extends CommonConfig {
  readonly mode: 'aws';
  readonly region: string;
  readonly accountId: string;
  /** A custom S3 / S3 Control endpoint (an S3-compatible store, or a local-aws started apart). */
  readonly endpoint: string | undefined;
  readonly webDir: string;
}

export type Config = LocalConfig | AwsConfig;

export class ConfigError extends Error {}

/** Parse the environment; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const webDir = resolve(e.BATCHOPS_WEB_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url)));
  const serveSourceMaps = e.BATCHOPS_SERVE_SOURCE_MAPS === 'true';
  const consoleDataDir = resolve(e.BATCHOPS_DATA_DIR, 'console');
  const host = e.BATCHOPS_HOST.toLowerCase();
  // BATCHOPS_HOST is served under its own name too (an IPv6 address in brackets, as in a Host header).
  const ownHost = /^[0-9a-f:]+:[0-9a-f:]*$/.test(host) ? `[${host}]` : host;
  const allowedHosts = [...e.BATCHOPS_ALLOWED_HOSTS, ...(WILDCARD.has(host) ? [] : [ownHost])];
  const region =
    e.BATCHOPS_REGION ?? (e.BATCHOPS_MODE === 'aws' ? (e.AWS_REGION ?? e.AWS_DEFAULT_REGION) : undefined);
  if (e.BATCHOPS_MODE === 'aws') {
    if (!region)
      throw new ConfigError(
        'invalid configuration:\n  BATCHOPS_REGION (or AWS_REGION): required in aws mode',
      );
    if (!e.BATCHOPS_ACCOUNT_ID) {
      throw new ConfigError(
        'invalid configuration:\n  BATCHOPS_ACCOUNT_ID: required in aws mode (S3 Control calls name the account)',
      );
    }
    return {
      mode: 'aws',
      host: e.BATCHOPS_HOST,
      port: e.BATCHOPS_PORT,
      allowedHosts,
      region,
      accountId: e.BATCHOPS_ACCOUNT_ID,
      endpoint: e.BATCHOPS_ENDPOINT,
      webDir,
      serveSourceMaps,
      consoleDataDir,
    };
  }
  return {
    mode: 'local',
    host: e.BATCHOPS_HOST,
    port: e.BATCHOPS_PORT,
    allowedHosts,
    region: region ?? 'us-east-1',
    accountId: e.BATCHOPS_ACCOUNT_ID ?? '000000000000',
    webDir,
    serveSourceMaps,
    consoleDataDir,
    localAws: {
      host: e.BATCHOPS_LOCAL_AWS_HOST,
      port: e.BATCHOPS_LOCAL_AWS_PORT,
      dataDir: resolve(e.BATCHOPS_DATA_DIR, 'local-aws'),
      accessKeyId: e.BATCHOPS_LOCAL_ACCESS_KEY_ID,
      secretAccessKey: e.BATCHOPS_LOCAL_SECRET_ACCESS_KEY,
      seedDemo: e.BATCHOPS_SEED_DEMO === 'true',
      restore: {
        ...(e.BATCHOPS_RESTORE_DELAYS !== undefined ? { restoreDelayMs: e.BATCHOPS_RESTORE_DELAYS } : {}),
        ...(e.BATCHOPS_RESTORE_DAY_SECONDS !== undefined
          ? { restoreDayMs: e.BATCHOPS_RESTORE_DAY_SECONDS * 1000 }
          : {}),
      },
    },
  };
}
