// @vitest-environment happy-dom
import type { ReplicationConfigResponse } from '@batchops/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationsProvider } from '../../../components/notifications';
import { replicationQueryOptions } from '../api/get-replication';
import { ReplicationRulesTable } from './replication-rules-table';

afterEach(cleanup);

const config: ReplicationConfigResponse = {
  bucket: 'src',
  role: 'arn:aws:iam::000000000000:role/r',
  revision: 'rev',
  rules: [
    {
      rule: {
        id: 'to-dest',
        status: 'Enabled',
        priority: 0,
        scope: { type: 'all' },
        destinationBucket: 'dest',
        storageClass: null,
        deleteMarkerReplication: false,
        replicaModifications: false,
      },
      otherSettings: [],
    },
  ],
};

function renderTable() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(replicationQueryOptions('src').queryKey, config);
  const noop = () => {};
  render(
    <QueryClientProvider client={client}>
      <NotificationsProvider>
        <ReplicationRulesTable bucket="src" onCreate={noop} onEdit={noop} onBatchReplication={noop} />
      </NotificationsProvider>
    </QueryClientProvider>,
  );
}

describe('ReplicationRulesTable', () => {
  it('names each rule radio and the selection column header', () => {
    renderTable();
    expect(screen.getByRole('radio', { name: 'Select rule to-dest' })).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers[0]).toBe('Rule selection');
    expect(headers.filter((h) => !h)).toEqual([]);
  });
});
