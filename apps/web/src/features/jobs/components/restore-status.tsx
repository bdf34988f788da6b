import type { RestoreStatusResponse } from '@batchops/contracts';
import Button from '@cloudscape-design/components/button';
import { Section } from '../../../components/form/section';
import { KeyValuePairs } from '../../../components/key-value-pairs';
import { QueryView } from '../../../components/query-view';
import { useRestoreStatus } from '../api/get-restore-status';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '-');
const n = (count: number) => count.toLocaleString();

function restoreItems(s: RestoreStatusResponse) {
  const e = s.estimated;
  const sample = s.sampled < s.total;
  return [
    { label: 'Restoring', value: n(e.restoring) },
    {
      label: 'Available',
      value: e.available > 0 ? `${n(e.available)} (until ${when(s.availableUntil)})` : '0',
    },
    { label: 'Expired', value: n(e.expired) },
    { label: 'Not restored yet', value: n(e.pending) },
    ...(e.notArchived + e.unreadable > 0
      ? [{ label: 'Not archived or not readable', value: n(e.notArchived + e.unreadable) }]
      : []),
    {
      label: 'Rest ready by (estimate)',
      value: s.readyBy ? `${when(s.readyBy)} (${s.readyBasis})` : '-',
    },
    {
      label: 'Checked',
      value: sample
        ? `A sample: ${n(s.sampled)} of ${n(s.total)} objects at ${when(s.checkedAt)}; counts scaled to the job`
        : `All ${n(s.sampled)} objects at ${when(s.checkedAt)}`,
    },
  ];
}

/** A restore job ends when its restores have started: this says when its objects are readable. */
export function RestoreStatus({ jobId }: { jobId: string }) {
  const status = useRestoreStatus(jobId);
  return (
    <Section
      title="Restore status"
      description={`${status.data ? `${status.data.tier} retrieval. ` : ''}Objects are readable only once restored; checked with HeadObject (x-amz-restore).`}
      actions={
        <Button formAction="none" iconName="refresh" onClick={() => void status.refetch()}>
          Check again
        </Button>
      }
    >
      <QueryView query={status} loading="Checking the objects" errorHeader="Could not check the objects">
        {(s) => <KeyValuePairs columns={4} items={restoreItems(s)} />}
      </QueryView>
    </Section>
  );
}
