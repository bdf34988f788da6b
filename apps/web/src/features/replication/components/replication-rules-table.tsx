import type { ReplicationRuleView } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ModalFooter } from '../../../components/modal-footer';
import { useNotifications } from '../../../components/notifications';
import { TableEmptyState } from '../../../components/table-empty-state';
import { useDeleteReplicationRule } from '../api/delete-replication-rule';
import { useReplication } from '../api/get-replication';
import { useSaveReplicationRule } from '../api/save-replication-rule';
import { rulesColumnDefinitions } from './replication-rules-table-config';

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
  const save = useSaveReplicationRule();
  const remove = useDeleteReplicationRule(bucket);
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<ReplicationRuleView[]>([]);
  const [deleting, setDeleting] = useState(false);
  const rules = config.data?.rules ?? [];
  // The selection follows the rule by name across re-reads.
  const current = rules.find((r) => r.rule.id === selected[0]?.rule.id);
  const revision = config.data?.revision ?? null;
  const failed = (what: string) => (err: Error) =>
    notify({ type: 'error', header: `Could not ${what}`, content: err.message });
  const setStatus = (status: 'Enabled' | 'Disabled') => {
    if (!current || !config.data?.role) return;
    save.mutate(
      {
        bucket,
        ruleId: current.rule.id,
        request: { rule: { ...current.rule, status }, role: config.data.role, revision },
      },
      {
        onSuccess: () =>
          notify({
            type: 'success',
            content: `Replication rule ${current.rule.id} ${status === 'Enabled' ? 'enabled' : 'disabled'}.`,
          }),
        onError: failed(`${status === 'Enabled' ? 'enable' : 'disable'} the rule`),
      },
    );
  };
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
            actions={
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
                  loading={save.isPending}
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
            }
          >
            Replication rules
          </Header>
        }
      />
      <Modal
        visible={deleting && !!current}
        header="Delete replication rule?"
        onDismiss={() => setDeleting(false)}
        footer={
          <ModalFooter
            onCancel={() => setDeleting(false)}
            confirmLabel="Delete rule"
            loading={remove.isPending}
            onConfirm={() => {
              if (!current || !revision) return;
              remove.mutate(
                { ruleId: current.rule.id, revision },
                {
                  onSuccess: () => {
                    notify({ type: 'success', content: `Replication rule ${current.rule.id} deleted.` });
                    setDeleting(false);
                    setSelected([]);
                  },
                  onError: (err) => {
                    setDeleting(false);
                    failed('delete the rule')(err);
                  },
                },
              );
            }}
          />
        }
      >
        <Box variant="p">
          Objects written after this change are no longer replicated to s3://{current?.rule.destinationBucket}
          . Replicas already there stay.{' '}
          {rules.length === 1 && "This is the last rule: the bucket's replication configuration is removed."}
        </Box>
      </Modal>
    </>
  );
}
