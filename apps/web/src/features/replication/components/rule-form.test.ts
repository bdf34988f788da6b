import { describe, expect, it } from 'vitest';
import { emptyRuleForm, fromRuleView, type RuleFormState, toSaveRequest } from './rule-form';

const ROLE = 'arn:aws:iam::000000000000:role/replication';

const form = (over: Partial<RuleFormState> = {}): RuleFormState => ({
  ...emptyRuleForm([], ROLE),
  id: 'to-dst',
  destinationBucket: 'dst',
  scopeType: 'all',
  ...over,
});

describe('replication rule form → save request', () => {
  it('maps the whole-bucket scope, storage class change and options', () => {
    const res = toSaveRequest(
      form({
        changeStorageClass: true,
        storageClass: 'GLACIER_IR',
        deleteMarkerReplication: true,
        replicaModifications: true,
      }),
      'rev-1',
    );
    expect(res).toEqual({
      ok: true,
      request: {
        rule: {
          id: 'to-dst',
          status: 'Enabled',
          priority: 0,
          scope: { type: 'all' },
          destinationBucket: 'dst',
          storageClass: 'GLACIER_IR',
          deleteMarkerReplication: true,
          replicaModifications: true,
        },
        role: ROLE,
        revision: 'rev-1',
      },
    });
  });

  it('maps a prefix and tags, and leaves the storage class alone unless asked to change it', () => {
    const res = toSaveRequest(
      form({
        scopeType: 'filter',
        prefix: 'logs/',
        tags: [{ key: 'k', value: 'v' }],
        storageClass: 'GLACIER',
      }),
      null,
    );
    expect(res.ok && res.request.rule).toMatchObject({
      scope: { type: 'filter', prefix: 'logs/', tags: [{ key: 'k', value: 'v' }] },
      storageClass: null,
    });
  });

  it('names each bad field as the API does', () => {
    const res = toSaveRequest(
      form({
        id: ' ',
        priority: 'x',
        scopeType: 'filter',
        prefix: '',
        tags: [],
        destinationBucket: '',
        role: 'role',
      }),
      null,
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors).sort()).toEqual([
      'role',
      'rule.destinationBucket',
      'rule.id',
      'rule.priority',
    ]);
    expect(res.errors['rule.priority']).toBe('enter a whole number, 0 or more');
    // The rule-wide checks come once the fields themselves are right.
    const empty = toSaveRequest(form({ scopeType: 'filter', prefix: '', tags: [] }), null);
    expect(!empty.ok && empty.errors).toEqual({ 'rule.scope.prefix': 'enter a prefix or add a tag' });
    const tagged = toSaveRequest(
      form({ scopeType: 'filter', tags: [{ key: 'k', value: '' }], deleteMarkerReplication: true }),
      null,
    );
    expect(!tagged.ok && tagged.errors).toEqual({
      'rule.deleteMarkerReplication': 'delete marker replication is not supported with a tag filter',
    });
  });

  it('starts a new rule at the next free priority and reads a rule back unchanged', () => {
    const view = {
      rule: {
        id: 'r',
        status: 'Disabled' as const,
        priority: 4,
        scope: { type: 'filter' as const, prefix: 'a/', tags: [] },
        destinationBucket: 'dst',
        storageClass: 'ONEZONE_IA' as const,
        deleteMarkerReplication: false,
        replicaModifications: true,
      },
      otherSettings: [],
    };
    expect(emptyRuleForm([view], null)).toMatchObject({ priority: '5', role: '' });
    const back = toSaveRequest(fromRuleView(view, ROLE), 'rev');
    expect(back.ok && back.request.rule).toEqual(view.rule);
  });
});
