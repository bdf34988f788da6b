import { bffOperation } from './operation-module.js';

export const retention = bffOperation('retention', {
  toSdk: (op) => ({
    // Neither mode nor date: S3 removes the retention.
    Retention:
      op.action === 'set'
        ? {
            ...(op.mode ? { Mode: op.mode } : {}),
            ...(op.retainUntilDate ? { RetainUntilDate: new Date(op.retainUntilDate) } : {}),
          }
        : {},
    ...(op.bypassGovernanceRetention ? { BypassGovernanceRetention: true } : {}),
  }),
  fromSdk: (p) => {
    const r = p.Retention ?? {};
    const set = r.Mode !== undefined || r.RetainUntilDate !== undefined;
    return {
      type: 'retention',
      action: set ? 'set' : 'remove',
      ...(r.Mode ? { mode: r.Mode } : {}),
      ...(r.RetainUntilDate ? { retainUntilDate: r.RetainUntilDate.toISOString() } : {}),
      bypassGovernanceRetention: p.BypassGovernanceRetention ?? false,
    };
  },
});
