import {
  type REPLICATION_STORAGE_CLASSES,
  type ReplicationRuleView,
  SaveReplicationRuleRequest,
} from '@batchops/contracts';
import { type FieldErrorMap, zodFieldErrors } from '../../../lib/field-errors';

export type StorageClass = (typeof REPLICATION_STORAGE_CLASSES)[number];

/** The replication rule form as the user edits it (strings where the user types). */
export interface RuleFormState {
  readonly id: string;
  readonly status: 'Enabled' | 'Disabled';
  readonly priority: string;
  readonly scopeType: 'all' | 'filter';
  readonly prefix: string;
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  readonly destinationBucket: string;
  readonly role: string;
  readonly changeStorageClass: boolean;
  readonly storageClass: StorageClass;
  readonly deleteMarkerReplication: boolean;
  readonly replicaModifications: boolean;
}

/** A new rule: enabled, the next free priority, the configuration's role if there is one. */
export function emptyRuleForm(existing: readonly ReplicationRuleView[], role: string | null): RuleFormState {
  const priority = existing.length === 0 ? 0 : Math.max(...existing.map((r) => r.rule.priority)) + 1;
  return {
    id: '',
    status: 'Enabled',
    priority: String(priority),
    scopeType: 'filter',
    prefix: '',
    tags: [],
    destinationBucket: '',
    role: role ?? '',
    changeStorageClass: false,
    storageClass: 'STANDARD_IA',
    deleteMarkerReplication: false,
    replicaModifications: false,
  };
}

export function fromRuleView(view: ReplicationRuleView, role: string | null): RuleFormState {
  const r = view.rule;
  return {
    id: r.id,
    status: r.status,
    priority: String(r.priority),
    scopeType: r.scope.type,
    prefix: r.scope.type === 'filter' ? r.scope.prefix : '',
    tags: r.scope.type === 'filter' ? r.scope.tags : [],
    destinationBucket: r.destinationBucket,
    role: role ?? '',
    changeStorageClass: r.storageClass !== null,
    storageClass: r.storageClass ?? 'STANDARD_IA',
    deleteMarkerReplication: r.deleteMarkerReplication,
    replicaModifications: r.replicaModifications,
  };
}

export type RuleFormResult =
  | { readonly ok: true; readonly request: SaveReplicationRuleRequest }
  | { readonly ok: false; readonly errors: FieldErrorMap };

/** Form → the save request, or the field errors (named as the API names them: `rule.scope.prefix`, `role`). */
export function toSaveRequest(form: RuleFormState, revision: string | null): RuleFormResult {
  const priority = form.priority.trim() === '' ? Number.NaN : Number(form.priority);
  const parsed = SaveReplicationRuleRequest.safeParse({
    rule: {
      id: form.id.trim(),
      status: form.status,
      priority,
      scope:
        form.scopeType === 'all'
          ? { type: 'all' }
          : {
              type: 'filter',
              prefix: form.prefix,
              tags: form.tags.map((t) => ({ key: t.key, value: t.value })),
            },
      destinationBucket: form.destinationBucket,
      storageClass: form.changeStorageClass ? form.storageClass : null,
      // A tag filter cannot replicate delete markers: S3 refuses it, so the form leaves it off.
      deleteMarkerReplication: form.deleteMarkerReplication,
      replicaModifications: form.replicaModifications,
    },
    role: form.role.trim(),
    revision,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = zodFieldErrors(parsed.error.issues);
  // zod names a NaN priority "expected number"; the user typed nothing or letters.
  if (errors['rule.priority'] && Number.isNaN(priority))
    return { ok: false, errors: { ...errors, 'rule.priority': 'enter a whole number, 0 or more' } };
  return { ok: false, errors };
}
