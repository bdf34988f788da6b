import type { ConnectionInfo } from '@batchops/contracts';

const modeNames: Record<ConnectionInfo['mode'], string> = { local: 'Local AWS', aws: 'AWS' };

/** The header badge: where the console's requests go ("Local AWS · us-east-1 · 000000000000"). */
export const connectionLabel = (c: Pick<ConnectionInfo, 'mode' | 'region' | 'accountId'>): string =>
  `${modeNames[c.mode]} · ${c.region} · ${c.accountId}`;
