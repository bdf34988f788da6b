import type { StoredFunction } from './function-store.js';
import { functionArn } from './lambda-service.js';

/** Lambda's timestamp format: `2024-05-01T12:00:00.000+0000`. */
function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The FunctionConfiguration shape of a stored function. */
export function functionConfiguration(fn: StoredFunction, sha256: string) {
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(fn),
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lastModified(fn.lastModified),
    CodeSha256: sha256,
    Version: '$LATEST',
    ...(fn.environment ? { Environment: { Variables: fn.environment } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/** CodeSha256: the base64 SHA-256 of the zip. */
export function sha256Of(fn: StoredFunction): string {
  return Buffer.from(fn.codeHash, 'hex').toString('base64');
}
