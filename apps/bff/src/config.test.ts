import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded local-aws on loopback', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
      port: 8080,
      region: 'us-east-1',
      accountId: '000000000000',
    });
    if (c.mode === 'local') expect(c.localAws).toMatchObject({ port: 4566, accessKeyId: 'test' });
  });

  it('passes the restore timing to local-aws: seconds per tier or for all, seconds per day', () => {
    const c = loadConfig({
      BATCHOPS_RESTORE_DELAYS: 'Standard=1.5,bulk=4',
      BATCHOPS_RESTORE_DAY_SECONDS: '60',
    });
    if (c.mode !== 'local') throw new Error('local mode expected');
    expect(c.localAws.restore).toEqual({
      restoreDelayMs: { Standard: 1500, Bulk: 4000 },
      restoreDayMs: 60_000,
    });
    const all = loadConfig({ BATCHOPS_RESTORE_DELAYS: '3' });
    expect(all.mode === 'local' && all.localAws.restore).toEqual({ restoreDelayMs: 3000 });
    expect(() => loadConfig({ BATCHOPS_RESTORE_DELAYS: 'Slow=3' })).toThrow(/BATCHOPS_RESTORE_DELAYS.*Slow/);
    expect(() => loadConfig({ BATCHOPS_RESTORE_DAY_SECONDS: '0' })).toThrow(/BATCHOPS_RESTORE_DAY_SECONDS/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ BATCHOPS_PORT: 'eighty' })).toThrow(/BATCHOPS_PORT/);
    expect(() => loadConfig({ BATCHOPS_MODE: 'cloud' })).toThrow(/BATCHOPS_MODE/);
  });

  it('needs a region and an account in aws mode, and takes AWS_REGION', () => {
    expect(() => loadConfig({ BATCHOPS_MODE: 'aws' })).toThrow(ConfigError);
    const c = loadConfig({
      BATCHOPS_MODE: 'aws',
      AWS_REGION: 'eu-west-1',
      BATCHOPS_ACCOUNT_ID: '123456789012',
    });
    expect(c).toMatchObject({ mode: 'aws', region: 'eu-west-1', endpoint: undefined });
  });

  it('serves the configured host names and BATCHOPS_HOST, never a wildcard address', () => {
    expect(loadConfig({ BATCHOPS_ALLOWED_HOSTS: ' Console.Example , other.lan' }).allowedHosts).toEqual([
      'console.example',
      'other.lan',
      '127.0.0.1',
    ]);
    expect(loadConfig({ BATCHOPS_HOST: 'box.lan' }).allowedHosts).toEqual(['box.lan']);
    expect(loadConfig({ BATCHOPS_HOST: '::1' }).allowedHosts).toEqual(['[::1]']);
    expect(loadConfig({ BATCHOPS_HOST: '0.0.0.0' }).allowedHosts).toEqual([]);
    expect(() => loadConfig({ BATCHOPS_ALLOWED_HOSTS: 'http://x.example/' })).toThrow(
      /BATCHOPS_ALLOWED_HOSTS/,
    );
  });
});
