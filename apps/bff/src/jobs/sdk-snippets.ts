import type { CreateJobRequest } from '@aws-sdk/client-s3-control';

// The SDKs' S3 Control clients put the account ID in front of a custom endpoint's host
// (000000000000.127.0.0.1), which does not resolve: each snippet routes around it as README shows.

/** A CreateJob request as a JavaScript value (timestamps as Dates, which the SDK serializes). */
function jsValue(request: CreateJobRequest): string {
  const text = JSON.stringify(request, (_k, v) => (v instanceof Date ? `__date__${v.toISOString()}` : v), 2);
  return text.replace(/"__date__([^"]+)"/g, 'new Date("$1")');
}

/** AWS SDK for JavaScript v3 (an ES module, Node 18+). */
export function sdkJsSnippet(request: CreateJobRequest, region: string, endpoint: string | null): string {
  const client = endpoint
    ? `new S3ControlClient({\n  region: '${region}',\n  // The endpoint as given: the SDK's rules would put the account ID in front of its host.\n  endpointProvider: () => ({ url: new URL('${endpoint}/') }),\n})`
    : `new S3ControlClient({ region: '${region}' })`;
  return [
    "import { CreateJobCommand, S3ControlClient } from '@aws-sdk/client-s3-control';",
    '',
    `const client = ${client};`,
    `const { JobId } = await client.send(new CreateJobCommand(${jsValue(request)}));`,
    'console.log(JobId);',
    '',
  ].join('\n');
}

/** A value as a Python literal (a JSON string literal is a Python one; timestamps as ISO strings, which boto3 takes). */
function pyValue(v: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return `[\n${v.map((x) => `${inner}${pyValue(x, inner)},\n`).join('')}${indent}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pyValue(x, inner)},\n`).join('')}${indent}}`;
  }
  return JSON.stringify(v);
}
const pyString = (text: string): string => JSON.stringify(text);

/** boto3. */
export function boto3Snippet(request: CreateJobRequest, region: string, endpoint: string | null): string {
  const client = endpoint
    ? [
        's3control = boto3.client(',
        `    "s3control", region_name=${pyString(region)}, endpoint_url=${pyString(endpoint)},`,
        '    # Through local-aws as a proxy: the account ID put in front of the host need not resolve.',
        `    config=Config(proxies={"http": ${pyString(endpoint)}}),`,
        ')',
      ]
    : [`s3control = boto3.client("s3control", region_name=${pyString(region)})`];
  return [
    'import boto3',
    ...(endpoint ? ['from botocore.config import Config'] : []),
    '',
    ...client,
    `request = ${pyValue(request)}`,
    'print(s3control.create_job(**request)["JobId"])',
    '',
  ].join('\n');
}
