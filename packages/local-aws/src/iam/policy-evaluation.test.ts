import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors/service-error.js';
import { parsePolicy } from './policy-document.js';
import { contextOf, evaluate, type NamedPolicy, trustsService, wildcardMatch } from './policy-evaluation.js';

// The evaluation logic of the IAM User Guide ("Policy evaluation logic", "IAM JSON policy
// elements: Condition operators"), one documented rule per test.

const policy = (statements: unknown[], id = 'p'): NamedPolicy => ({
  id,
  type: 'role',
  document: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
});
const decide = (
  policies: NamedPolicy[],
  action: string,
  resource: string,
  context: Record<string, string | string[]> = {},
) => evaluate(policies, { action, resource, context: contextOf(context) }).decision;

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('decisions', () => {
  it('denies implicitly when nothing applies (including no policies at all)', () => {
    expect(decide([], 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('implicitDeny');
    expect(
      decide([policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }])], 's3:GetObject', '*'),
    ).toBe('implicitDeny');
  });

  it('an explicit Deny beats any Allow, across policies', () => {
    const deny = policy(
      [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' }],
      'deny',
    );
    expect(decide([policy([allowAll]), deny], 's3:DeleteObject', 'arn:aws:s3:::b/k')).toBe('explicitDeny');
    expect(decide([policy([allowAll]), deny], 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('allowed');
  });

  it('reports the statements that decided', () => {
    const p = policy([
      { Sid: 'a', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Sid: 'b', Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
    ]);
    const out = evaluate([p], { action: 's3:PutObject', resource: '*', context: contextOf({}) });
    expect(out.matched.map((m) => m.statement.sid)).toEqual(['b']);
  });
});

describe('Action and Resource', () => {
  it('action names match without case, with * and ? wildcards', () => {
    const p = policy([{ Effect: 'Allow', Action: ['S3:get*', 's3:PutObjectT?gging'], Resource: '*' }]);
    expect(decide([p], 's3:GetObjectVersion', '*')).toBe('allowed');
    expect(decide([p], 's3:PutObjectTagging', '*')).toBe('allowed');
    expect(decide([p], 's3:PutObject', '*')).toBe('implicitDeny');
  });

  it('resources match with case and wildcards spanning slashes', () => {
    const p = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/logs/*' }]);
    expect(decide([p], 's3:GetObject', 'arn:aws:s3:::bucket/logs/2024/a.log')).toBe('allowed');
    expect(decide([p], 's3:GetObject', 'arn:aws:s3:::bucket/LOGS/a.log')).toBe('implicitDeny');
    expect(decide([p], 's3:GetObject', 'arn:aws:s3:::bucket')).toBe('implicitDeny');
  });

  it('NotAction allows everything but the listed actions', () => {
    const p = policy([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    expect(decide([p], 's3:PutObject', '*')).toBe('allowed');
    expect(decide([p], 'iam:CreateUser', '*')).toBe('implicitDeny');
  });

  it('NotResource with Deny denies everywhere but the listed resources', () => {
    const p = policy([
      allowAll,
      { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::safe', 'arn:aws:s3:::safe/*'] },
    ]);
    expect(decide([p], 's3:PutObject', 'arn:aws:s3:::safe/k')).toBe('allowed');
    expect(decide([p], 's3:PutObject', 'arn:aws:s3:::other/k')).toBe('explicitDeny');
  });

  it('wildcards backtrack', () => {
    expect(wildcardMatch('a*b*c', 'axxbyybzc', false)).toBe(true);
    expect(wildcardMatch('a*b?c', 'abbc', false)).toBe(true);
    expect(wildcardMatch('a*b', 'abc', false)).toBe(false);
  });
});

const withCondition = (condition: unknown) =>
  policy([{ Effect: 'Allow', Action: 's3:CreateJob', Resource: '*', Condition: condition }]);
const allowedWith = (condition: unknown, context: Record<string, string | string[]>) =>
  decide([withCondition(condition)], 's3:CreateJob', '*', context) === 'allowed';

describe('condition operators', () => {
  it('StringEquals / StringNotEquals (values case-sensitive, keys not)', () => {
    const eq = { StringEquals: { 's3:RequestJobTag/Department': 'Finance' } };
    expect(allowedWith(eq, { 's3:RequestJobTag/Department': 'Finance' })).toBe(true);
    expect(allowedWith(eq, { 'S3:requestjobtag/department': 'Finance' })).toBe(true);
    expect(allowedWith(eq, { 's3:RequestJobTag/Department': 'finance' })).toBe(false);
    expect(allowedWith(eq, {})).toBe(false);
    const ne = { StringNotEquals: { 's3:RequestJobTag/Department': ['Finance', 'Legal'] } };
    expect(allowedWith(ne, { 's3:RequestJobTag/Department': 'Sales' })).toBe(true);
    expect(allowedWith(ne, { 's3:RequestJobTag/Department': 'Legal' })).toBe(false);
  });

  it('StringLike / StringNotLike', () => {
    expect(
      allowedWith({ StringLike: { 'aws:RequestTag/team': 'fin-*' } }, { 'aws:RequestTag/team': 'fin-ops' }),
    ).toBe(true);
    expect(
      allowedWith({ StringLike: { 'aws:RequestTag/team': 'fin-*' } }, { 'aws:RequestTag/team': 'ops' }),
    ).toBe(false);
    expect(
      allowedWith({ StringNotLike: { 'aws:RequestTag/team': 'fin-*' } }, { 'aws:RequestTag/team': 'ops' }),
    ).toBe(true);
  });

  it('ArnLike / ArnEquals', () => {
    const like = { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/batch-*' } };
    expect(allowedWith(like, { 'aws:PrincipalArn': 'arn:aws:iam::000000000000:role/batch-a' })).toBe(true);
    expect(allowedWith(like, { 'aws:PrincipalArn': 'arn:aws:iam::000000000000:user/batch-a' })).toBe(false);
    const eq = { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::000000000000:role/x' } };
    expect(allowedWith(eq, { 'aws:PrincipalArn': 'arn:aws:iam::000000000000:role/x' })).toBe(true);
  });

  it('Bool and Null', () => {
    expect(allowedWith({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' })).toBe(
      true,
    );
    expect(allowedWith({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'false' })).toBe(
      false,
    );
    expect(allowedWith({ Null: { 'aws:RequestTag/owner': 'true' } }, {})).toBe(true);
    expect(allowedWith({ Null: { 'aws:RequestTag/owner': 'true' } }, { 'aws:RequestTag/owner': 'me' })).toBe(
      false,
    );
    expect(allowedWith({ Null: { 'aws:RequestTag/owner': 'false' } }, { 'aws:RequestTag/owner': 'me' })).toBe(
      true,
    );
  });

  it('NumericEquals, NumericLessThan(Equals), NumericGreaterThan(Equals)', () => {
    const at = (op: string, value: string) =>
      allowedWith({ [op]: { 's3:RequestJobPriority': '10' } }, { 's3:RequestJobPriority': value });
    expect(at('NumericEquals', '10')).toBe(true);
    expect(at('NumericEquals', '11')).toBe(false);
    expect(at('NumericLessThan', '9')).toBe(true);
    expect(at('NumericLessThan', '10')).toBe(false);
    expect(at('NumericLessThanEquals', '10')).toBe(true);
    expect(at('NumericGreaterThan', '11')).toBe(true);
    expect(at('NumericGreaterThan', '10')).toBe(false);
    expect(at('NumericGreaterThanEquals', '10')).toBe(true);
    expect(at('NumericEquals', 'ten')).toBe(false);
  });

  it('several keys and operators must all hold; several values of one key any', () => {
    const both = {
      StringEquals: { 's3:RequestJobTag/Department': ['Finance', 'Legal'] },
      NumericLessThanEquals: { 's3:RequestJobPriority': '100' },
    };
    expect(allowedWith(both, { 's3:RequestJobTag/Department': 'Legal', 's3:RequestJobPriority': '5' })).toBe(
      true,
    );
    expect(
      allowedWith(both, { 's3:RequestJobTag/Department': 'Legal', 's3:RequestJobPriority': '500' }),
    ).toBe(false);
  });

  it('IfExists holds when the key is absent, and tests it when present', () => {
    const c = { StringEqualsIfExists: { 's3:ExistingJobTag/Department': 'Finance' } };
    expect(allowedWith(c, {})).toBe(true);
    expect(allowedWith(c, { 's3:ExistingJobTag/Department': 'Finance' })).toBe(true);
    expect(allowedWith(c, { 's3:ExistingJobTag/Department': 'Sales' })).toBe(false);
  });

  it('ForAnyValue and ForAllValues over multivalued keys (aws:TagKeys)', () => {
    const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Department', 'Owner'] } };
    expect(allowedWith(all, { 'aws:TagKeys': ['Department'] })).toBe(true);
    expect(allowedWith(all, { 'aws:TagKeys': ['Department', 'Cost'] })).toBe(false);
    // ForAllValues over no values at all holds (the documented pitfall).
    expect(allowedWith(all, {})).toBe(true);
    const any = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Department'] } };
    expect(allowedWith(any, { 'aws:TagKeys': ['Cost', 'Department'] })).toBe(true);
    expect(allowedWith(any, { 'aws:TagKeys': ['Cost'] })).toBe(false);
    expect(allowedWith(any, {})).toBe(false);
  });

  it('names the condition keys the request lacked', () => {
    const out = evaluate([withCondition({ StringEquals: { 's3:RequestJobTag/Department': 'Finance' } })], {
      action: 's3:CreateJob',
      resource: '*',
      context: contextOf({}),
    });
    expect(out.missingContextValues).toEqual(['s3:RequestJobTag/Department']);
  });

  it('the Finance example: CreateJob only with Department=Finance, priority changes only on Finance jobs', () => {
    const p = policy([
      {
        Effect: 'Allow',
        Action: 's3:CreateJob',
        Resource: '*',
        Condition: { StringEquals: { 's3:RequestJobTag/Department': 'Finance' } },
      },
      {
        Effect: 'Allow',
        Action: 's3:UpdateJobPriority',
        Resource: '*',
        Condition: { StringEquals: { 's3:ExistingJobTag/Department': 'Finance' } },
      },
    ]);
    expect(decide([p], 's3:CreateJob', '*', { 's3:RequestJobTag/Department': 'Finance' })).toBe('allowed');
    expect(decide([p], 's3:CreateJob', '*', {})).toBe('implicitDeny');
    expect(
      decide([p], 's3:UpdateJobPriority', 'arn:aws:s3:us-east-1:0:job/1', {
        's3:ExistingJobTag/Department': 'HR',
      }),
    ).toBe('implicitDeny');
  });
});

describe('policy documents', () => {
  const malformed = (doc: string) => {
    try {
      parsePolicy(doc);
    } catch (e) {
      return (e as ServiceError).code;
    }
    return 'accepted';
  };

  it('refuses what IAM refuses with MalformedPolicyDocument', () => {
    expect(malformed('{')).toBe('MalformedPolicyDocument');
    expect(malformed('{"Version":"2012-10-17"}')).toBe('MalformedPolicyDocument');
    expect(malformed('{"Statement":[{"Effect":"Allow","Resource":"*"}]}')).toBe('MalformedPolicyDocument');
    expect(
      malformed('{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}'),
    ).toBe('MalformedPolicyDocument');
    expect(malformed('{"Statement":[{"Effect":"Allow","Action":"*"}]}')).toBe('MalformedPolicyDocument');
    expect(
      malformed(
        '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Foo":{"a":"b"}}}]}',
      ),
    ).toBe('MalformedPolicyDocument');
    expect(
      malformed('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'),
    ).toBe('accepted');
    expect(new ServiceError(400, 'x', 'y').status).toBe(400);
  });

  it('knows where each statement is in the text (end: just past its closing brace)', () => {
    const text =
      '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"},\n    {\n      "Effect": "Deny", "Action": "s3:*", "Resource": "*"\n    }\n  ]\n}';
    const doc = parsePolicy(text);
    expect(doc.statements.map((s) => [s.start, s.end])).toEqual([
      [
        { line: 3, column: 5 },
        { line: 3, column: 56 },
      ],
      [
        { line: 4, column: 5 },
        { line: 6, column: 6 },
      ],
    ]);
  });
});

describe('trust policies', () => {
  it('trusts the Batch Operations service principal only when a statement allows it', () => {
    const trust = (principal: unknown, effect = 'Allow') =>
      parsePolicy(
        JSON.stringify({ Statement: [{ Effect: effect, Principal: principal, Action: 'sts:AssumeRole' }] }),
        'trust',
      );
    const svc = 'batchoperations.s3.amazonaws.com';
    expect(trustsService(trust({ Service: svc }), svc, contextOf({}))).toBe(true);
    expect(trustsService(trust({ Service: ['lambda.amazonaws.com', svc] }), svc, contextOf({}))).toBe(true);
    expect(trustsService(trust({ Service: 'lambda.amazonaws.com' }), svc, contextOf({}))).toBe(false);
    expect(trustsService(trust({ AWS: 'arn:aws:iam::000000000000:root' }), svc, contextOf({}))).toBe(false);
    expect(trustsService(trust({ Service: svc }, 'Deny'), svc, contextOf({}))).toBe(false);
  });

  it('a Deny beside an Allow wins, for the principal and action it names (Principal * and conditions too)', () => {
    const svc = 'batchoperations.s3.amazonaws.com';
    const doc = (...statements: unknown[]) => parsePolicy(JSON.stringify({ Statement: statements }), 'trust');
    const allow = { Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' };
    const denyAll = { Effect: 'Deny', Principal: '*', Action: 'sts:*' };
    expect(trustsService(doc(allow, denyAll), svc, contextOf({}))).toBe(false);
    // A Deny of another action or another principal leaves the Allow standing.
    expect(trustsService(doc(allow, { ...denyAll, Action: 'sts:TagSession' }), svc, contextOf({}))).toBe(
      true,
    );
    const denyLambda = { ...denyAll, Principal: { Service: 'lambda.amazonaws.com' } };
    expect(trustsService(doc(allow, denyLambda), svc, contextOf({}))).toBe(true);
    // A conditional Deny applies only when its condition holds.
    const denyOther = { ...denyAll, Condition: { StringNotEquals: { 'aws:SourceAccount': '000000000000' } } };
    expect(
      trustsService(doc(allow, denyOther), svc, contextOf({ 'aws:SourceAccount': '000000000000' })),
    ).toBe(true);
    expect(
      trustsService(doc(allow, denyOther), svc, contextOf({ 'aws:SourceAccount': '111122223333' })),
    ).toBe(false);
  });
});

describe('a condition key the request does not carry', () => {
  const key = 'aws:RequestTag/team';
  it.each([
    ['StringNotEquals', 'x', true],
    ['StringNotEqualsIgnoreCase', 'x', true],
    ['StringNotLike', 'x*', true],
    ['NumericNotEquals', '1', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', true],
    ['ArnNotEquals', 'arn:aws:s3:::b', true],
    ['ArnNotLike', 'arn:aws:s3:::*', true],
    ['NotIpAddress', '10.0.0.0/8', true],
    ['StringEquals', 'x', false],
    ['StringLike', '*', false],
    ['NumericEquals', '1', false],
    ['ArnLike', '*', false],
    ['ForAnyValue:StringNotEquals', 'x', false],
    ['ForAllValues:StringEquals', 'x', true],
    ['StringEqualsIfExists', 'x', true],
  ])('%s %s on a missing key holds: %s', (operator, value, holds) => {
    const allowIf = policy([{ ...allowAll, Condition: { [operator]: { [key]: value } } }]);
    expect(decide([allowIf], 's3:GetObject', 'arn:aws:s3:::b/k')).toBe(holds ? 'allowed' : 'implicitDeny');
  });
});
