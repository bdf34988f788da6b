import { bffOperation } from './operation-module.js';

/** `arn:…:function:name:alias` → the function's ARN and the version or alias. */
export function splitFunctionArn(arn: string): { functionArn: string; functionVersion?: string } {
  const m = /^(arn:[^:]*:lambda:[^:]*:[^:]*:function:[^:]+):([^:]+)$/.exec(arn);
  return m ? { functionArn: m[1] as string, functionVersion: m[2] as string } : { functionArn: arn };
}

export const lambda = bffOperation('lambda', {
  toSdk: (op) => ({
    FunctionArn: op.functionVersion ? `${op.functionArn}:${op.functionVersion}` : op.functionArn,
    InvocationSchemaVersion: op.invocationSchemaVersion,
    ...(op.userArguments.length
      ? { UserArguments: Object.fromEntries(op.userArguments.map((a) => [a.key, a.value])) }
      : {}),
  }),
  fromSdk: (p) => {
    if (!p.FunctionArn) return null;
    const { functionArn, functionVersion } = splitFunctionArn(p.FunctionArn);
    return {
      type: 'lambda',
      functionArn,
      ...(functionVersion ? { functionVersion } : {}),
      invocationSchemaVersion: p.InvocationSchemaVersion === '2.0' ? '2.0' : '1.0',
      userArguments: Object.entries(p.UserArguments ?? {}).map(([key, value]) => ({ key, value })),
    };
  },
});
