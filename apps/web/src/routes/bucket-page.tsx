import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useBucketVersioning } from '../components/s3-browser/api/get-bucket-versioning';
import { VersioningAlert } from '../components/versioning-alert';
import { paths } from '../config/navigation';
import { ObjectBrowser } from '../features/buckets/components/object-browser';
import { ReplicationRulesTable } from '../features/replication/components/replication-rules-table';

/** A bucket: Objects (browser with versions and replication status) and Management (replication rules). */
export function BucketPage() {
  const bucket = useParams().bucket ?? '';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'management' ? 'management' : 'objects';
  const prefix = params.get('prefix') ?? '';
  const versioning = useBucketVersioning(bucket);
  const update = (next: Record<string, string>) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      return out;
    });
  return (
    <SpaceBetween size="m">
      <Header
        variant="h1"
        description={
          versioning.data ? `Bucket Versioning: ${versioning.data.status ?? 'Disabled'}` : undefined
        }
      >
        {bucket}
      </Header>
      <Tabs
        activeTabId={tab}
        onChange={(e) => update({ tab: e.detail.activeTabId === 'objects' ? '' : e.detail.activeTabId })}
        tabs={[
          {
            id: 'objects',
            label: 'Objects',
            content: (
              <ObjectBrowser bucket={bucket} prefix={prefix} onPrefixChange={(p) => update({ prefix: p })} />
            ),
          },
          {
            id: 'management',
            label: 'Management',
            content: (
              <SpaceBetween size="m">
                <VersioningAlert bucket={bucket} side="source" />
                <ReplicationRulesTable
                  bucket={bucket}
                  onCreate={() => void navigate(paths.createReplicationRule(bucket))}
                  onEdit={(ruleId) => void navigate(paths.editReplicationRule(bucket, ruleId))}
                  onBatchReplication={() => void navigate(paths.batchReplicationJob(bucket, 'existing'))}
                />
              </SpaceBetween>
            ),
          },
        ]}
      />
    </SpaceBetween>
  );
}
