import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useNotifications } from '../components/notifications';
import { paths } from '../config/navigation';
import { useReplication } from '../features/replication/api/get-replication';
import { ReplicateExistingModal } from '../features/replication/components/replicate-existing-modal';
import { ReplicationRuleForm } from '../features/replication/components/replication-rule-form';
import { emptyRuleForm, fromRuleView } from '../features/replication/components/rule-form';
import { useConnection } from '../lib/connection/get-connection';

/** Create or edit one replication rule; then, for a first rule or a new destination, "Replicate existing objects?". */
export function ReplicationRulePage() {
  const { bucket = '', ruleId } = useParams();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const config = useReplication(bucket);
  const connection = useConnection();
  // Read once: the form edits the configuration as it was when opened (its revision).
  const [opened] = useState(() => ({ at: Date.now() }));
  const [asking, setAsking] = useState<null | { firstRule: boolean }>(null);
  const management = paths.bucket(bucket, 'management');
  if (config.isError)
    return (
      <Alert type="error" header={`Could not read the replication rules of ${bucket}`}>
        {config.error.message}
      </Alert>
    );
  if (!config.data || connection.isPending) return <Spinner size="large" />;
  const view = ruleId ? config.data.rules.find((r) => r.rule.id === ruleId) : undefined;
  if (ruleId && !view)
    return (
      <Alert type="error" header="No such rule">
        {bucket} has no replication rule named {ruleId}.
      </Alert>
    );
  const role = config.data.role ?? connection.data?.demo?.roleArn ?? null;
  return (
    <>
      <ReplicationRuleForm
        key={`${ruleId ?? 'new'}-${opened.at}`}
        bucket={bucket}
        ruleId={ruleId ?? null}
        initial={view ? fromRuleView(view, role) : emptyRuleForm(config.data.rules, role)}
        revision={config.data.revision}
        otherSettings={view?.otherSettings ?? []}
        onSaved={(res, form) => {
          notify({ type: 'success', content: `Replication configuration saved: rule ${form.id.trim()}.` });
          if (res.offerReplicateExisting) setAsking({ firstRule: config.data.revision === null });
          else void navigate(management);
        }}
        onCancel={() => void navigate(management)}
      />
      <ReplicateExistingModal
        visible={asking !== null}
        onAnswer={(yes) =>
          void navigate(
            yes ? paths.batchReplicationJob(bucket, asking?.firstRule ? 'new' : 'destination') : management,
          )
        }
      />
    </>
  );
}
