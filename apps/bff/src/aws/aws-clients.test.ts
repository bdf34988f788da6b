import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error.js';
import { createRegionalClients } from './aws-clients.js';

const target = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };

describe('createRegionalClients', () => {
  it('refuses a name that is not shaped like a Region with 400 InvalidRegion', () => {
    const clients = createRegionalClients(target);
    for (const bad of [
      '',
      'US-EAST-1',
      'us-east',
      'evil.example.com/x',
      'us-east-1.attacker',
      'a'.repeat(60),
    ]) {
      let caught: unknown;
      try {
        clients.forRegion(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught, bad).toBeInstanceOf(HttpError);
      expect((caught as HttpError).status).toBe(400);
      expect((caught as HttpError).code).toBe('InvalidRegion');
    }
    expect(clients.forRegion('us-gov-west-1').s3).toBeDefined();
    expect(clients.forRegion('eusc-de-east-1').s3).toBeDefined();
    clients.destroy();
  });

  it('keeps at most maxRegions Regions besides its own, destroying the least recently used', () => {
    const clients = createRegionalClients(target, { maxRegions: 4 });
    const home = clients.forRegion();
    const first = clients.forRegion('eu-west-1');
    let destroyed = 0;
    const destroy = first.s3.destroy.bind(first.s3);
    first.s3.destroy = () => {
      destroyed++;
      destroy();
    };
    const kept = clients.forRegion('eu-west-2');
    for (let i = 0; i < 100; i++) {
      clients.forRegion(
        `zz-r${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}-${i % 10}`,
      );
      // Used all along, so never the least recently used.
      clients.forRegion('eu-west-2');
    }
    expect(clients.size).toBeLessThanOrEqual(5);
    expect(destroyed).toBe(1);
    expect(clients.forRegion('eu-west-2')).toBe(kept);
    expect(clients.forRegion()).toBe(home);
    // An evicted Region gets new clients when it is asked for again.
    expect(clients.forRegion('eu-west-1')).not.toBe(first);
    clients.destroy();
  });
});
