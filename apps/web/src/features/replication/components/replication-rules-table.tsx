import type { ReplicationRuleView } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useNotifications } from '../../../components/notifications';
import { TableEmptyState } from '../../../components/table-empty-state';
import { singleSelectionLabels } from '../../../components/table-selection-labels';
import { useDeleteReplicationRule } from '../api/delete-replication-rule';
import { useReplication } from '../api/get-replication';
import { useSaveReplicationRule } from '../api/save-replication-rule';
import { rulesColumnDefinitions } from './replication-rules-table-config';

const selectionLabels = singleSelectionLabels<ReplicationRuleView>('rule', (v) => v.rule.id);

type Notify = ReturnType<typeof useNotifications>['notify'];

const failedNotice = (notify: Notify, what: string) => (err: Error) =>
  notify({ type: 'error', header: `Could not ${what}`, content: err.message });

/** Enable or disable the chosen rule (PUT with the rule as it is and the new status). */
function useSetRuleStatus(bucket: string, current: ReplicationRuleView | undefined) {
  const config = useReplication(bucket);
  const save = useSaveReplicationRule();
  const { notify } = useNotifications();
  const setStatus = (status: 'Enabled' | 'Disabled') => {
    if (!current || !config.data?.role) return;
    const verb = status === 'Enabled' ? 'enable' : 'disable';
    save.mutate(
      {
        bucket,
        ruleId: current.rule.id,
        request: {
          rule: { ...current.rule, status },
          role: config.data.role,
          revision: config.data.revision ?? null,
        },
      },
      {
        onSuccess: () =>
          notify({ type: 'success', content: `Replication rule ${current.rule.id} ${verb}d.` }),
        onError: failedNotice(notify, `${verb} the rule`),
      },
    );
  };
  return { setStatus, saving: save.isPending };
}

/** "Delete replication rule?": says what stops being replicated, then deletes the rule. */
function DeleteRuleModal(props: {
  bucket: string;
  rule: ReplicationRuleView;
  last: boolean;
  onDone: (deleted: boolean) => void;
}) {
  const { bucket, rule, last, onDone } = props;
  const config = useReplication(bucket);
  const remove = useDeleteReplicationRule(bucket);
  const { notify } = useNotifications();
  const confirm = () => {
    const revision = config.data?.revision;
    if (!revision) return;
    remove.mutate(
      { ruleId: rule.rule.id, revision },
      {
        onSuccess: () => {
          notify({ type: 'success', content: `Replication rule ${rule.rule.id} deleted.` });
          onDone(true);
        },
        onError: (err) => {
          onDone(false);
          failedNotice(notify, 'delete the rule')(err);
        },
      },
    );
  };
  return (
    <ConfirmModal
      header="Delete replication rule?"
      onDismiss={() => onDone(false)}
      confirmLabel="Delete rule"
      loading={remove.isPending}
      onConfirm={confirm}
    >
      <Box variant="p">
        Objects written after this change are no longer replicated to s3://{rule.rule.destinationBucket}.
        Replicas already there stay.{' '}
        {last && "This is the last rule: the bucket's replication configuration is removed."}
      </Box>
    </ConfirmModal>
  );
}

/** The Management tab's "Replication rules": create, edit, enable / disable, delete, Batch Replication. */
export function ReplicationRulesTable({
  bucket,
  onCreate,
  onEdit,
  onBatchReplication,
}: {
  bucket: string;
  onCreate: () => void;
  onEdit: (ruleId: string) => void;
  onBatchReplication: () => void;
}) {
  const config = useReplication(bucket);
  const [selected, setSelected] = useState<ReplicationRuleView[]>([]);
  const [deleting, setDeleting] = useState(false);
  const rules = config.data?.rules ?? [];
  // The selection follows the rule by name across re-reads.
  const current = rules.find((r) => r.rule.id === selected[0]?.rule.id);
  const { setStatus, saving } = useSetRuleStatus(bucket, current);
  const actions = (
    <SpaceBetween direction="horizontal" size="xs">
      <Button disabled={rules.length === 0} onClick={onBatchReplication}>
        Create Batch Replication job
      </Button>
      <Button disabled={!current} onClick={() => current && onEdit(current.rule.id)}>
        Edit rule
      </Button>
      <Button disabled={!current} onClick={() => setDeleting(true)}>
        Delete
      </Button>
      <ButtonDropdown
        disabled={!current}
        loading={saving}
        items={[
          { id: 'enable', text: 'Enable rule', disabled: current?.rule.status === 'Enabled' },
          { id: 'disable', text: 'Disable rule', disabled: current?.rule.status === 'Disabled' },
        ]}
        onItemClick={(e) => setStatus(e.detail.id === 'enable' ? 'Enabled' : 'Disabled')}
      >
        Actions
      </ButtonDropdown>
      <Button variant="primary" onClick={onCreate}>
        Create replication rule
      </Button>
    </SpaceBetween>
  );
  return (
    <>
      <Table
        items={rules}
        loading={config.isPending}
        loadingText="Loading replication rules"
        trackBy={(v) => v.rule.id}
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={selectionLabels}
        columnDefinitions={rulesColumnDefinitions}
        empty={
          <TableEmptyState
            title="No replication rules"
            description={
              config.isError
                ? `Could not read the replication configuration: ${config.error.message}`
                : 'Replication copies objects to a bucket of this account as they are written.'
            }
            action={<Button onClick={onCreate}>Create replication rule</Button>}
          />
        }
        header={
          <Header
            variant="h2"
            counter={`(${rules.length})`}
            description={
              config.data?.role
                ? `IAM role: ${config.data.role}`
                : 'Use replication rules to define options you want Amazon S3 to apply during replication.'
            }
            actions={actions}
          >
            Replication rules
          </Header>
        }
      />
      {deleting && current && (
        <DeleteRuleModal
          bucket={bucket}
          rule={current}
          last={rules.length === 1}
          onDone={(deleted) => {
            setDeleting(false);
            if (deleted) setSelected([]);
          }}
        />
      )}
    </>
  );
}
