import { closeSync, existsSync, fdatasyncSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

// The failures of jobs the store could not save (a full disk): written into space reserved while
// the disk had room, so a restart still shows those jobs Failed instead of resuming them.

/** What a restart needs to show a job Failed as it was failed. */
export interface JournaledFailure {
  readonly jobId: string;
  readonly failureReasons: Array<{ FailureCode: string; FailureReason: string }>;
  readonly terminationDate: number;
  readonly activeMs: number;
}

const SLOTS = 64;
const SLOT_BYTES = 4096;

/**
 * A file of fixed slots, all of it written (zeros) when opened: a later write overwrites blocks the
 * file already has, which needs no free space (on ext4, xfs, tmpfs — not on copy-on-write
 * file systems). Each slot holds one failure as JSON; a zero first byte marks it free.
 */
export class FailureJournal {
  private readonly fd: number;

  constructor(file: string) {
    // Not append mode: Linux would append every positioned write.
    this.fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
    const size = fstatSync(this.fd).size;
    if (size < SLOTS * SLOT_BYTES) {
      try {
        writeSync(this.fd, Buffer.alloc(SLOTS * SLOT_BYTES - size), 0, SLOTS * SLOT_BYTES - size, size);
        fdatasyncSync(this.fd);
      } catch {
        // Already full at start: the engine still starts; a failure is then kept only if there is room.
      }
    }
  }

  /** Keep a failure (its job's slot, else a free one). Throws when no slot is free or the write fails. */
  record(failure: JournaledFailure): void {
    const taken = this.entries();
    const slot =
      taken.find((e) => e.failure.jobId === failure.jobId)?.slot ??
      [...Array(SLOTS).keys()].find((s) => !taken.some((e) => e.slot === s));
    if (slot === undefined) throw new Error('the failure journal is full');
    // The latest reasons that fit: a reason is at most 256 characters, so three always do.
    let reasons = failure.failureReasons;
    let text = JSON.stringify({ ...failure, failureReasons: reasons });
    while (Buffer.byteLength(text) > SLOT_BYTES && reasons.length > 1) {
      reasons = reasons.slice(1);
      text = JSON.stringify({ ...failure, failureReasons: reasons });
    }
    const buf = Buffer.alloc(SLOT_BYTES);
    buf.write(text.slice(0, SLOT_BYTES));
    this.write(slot, buf);
  }

  /** The failures kept, each with its slot. */
  entries(): Array<{ slot: number; failure: JournaledFailure }> {
    const out: Array<{ slot: number; failure: JournaledFailure }> = [];
    const buf = Buffer.alloc(SLOT_BYTES);
    for (let slot = 0; slot < SLOTS; slot++) {
      readSync(this.fd, buf, 0, SLOT_BYTES, slot * SLOT_BYTES);
      if (buf[0] === 0) continue;
      const end = buf.indexOf(0);
      try {
        out.push({ slot, failure: JSON.parse(buf.toString('utf8', 0, end === -1 ? SLOT_BYTES : end)) });
      } catch {
        // A slot torn by a crash mid-write: its job resumes, as before the journal.
      }
    }
    return out;
  }

  /** Free a slot once the store holds its failure. */
  clear(slot: number): void {
    this.write(slot, Buffer.alloc(SLOT_BYTES));
  }

  close(): void {
    closeSync(this.fd);
  }

  private write(slot: number, buf: Buffer): void {
    writeSync(this.fd, buf, 0, SLOT_BYTES, slot * SLOT_BYTES);
    fdatasyncSync(this.fd);
  }
}
