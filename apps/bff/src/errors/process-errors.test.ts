import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepServingOnErrors } from './process-errors.js';

describe('keepServingOnErrors', () => {
  it('logs an unhandled rejection and an uncaught exception instead of letting them end the process', () => {
    // Without a listener, Node ends the process on both events; with one, it keeps running.
    const proc = new EventEmitter();
    const lines: string[] = [];
    keepServingOnErrors(proc, (line) => lines.push(line));
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    proc.emit('unhandledRejection', new Error('lost promise'), Promise.resolve());
    proc.emit('uncaughtException', new Error('thrown in a callback'), 'uncaughtException');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/unhandled rejection.*lost promise/s);
    expect(lines[1]).toMatch(/uncaught exception.*thrown in a callback/s);
  });
});
