import { type LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import type { ListFunctionsResponse } from '@batchops/contracts';

/** Functions listed at most: enough for a picker; beyond it the user types the ARN. */
export const MAX_FUNCTIONS = 500;

/** Every page of ListFunctions up to MAX_FUNCTIONS, sorted by name. */
export async function listFunctions(lambda: LambdaClient): Promise<ListFunctionsResponse> {
  const functions: ListFunctionsResponse['functions'] = [];
  let marker: string | undefined;
  do {
    const out = await lambda.send(
      new ListFunctionsCommand({ MaxItems: 50, ...(marker ? { Marker: marker } : {}) }),
    );
    for (const f of out.Functions ?? []) {
      if (!f.FunctionName || !f.FunctionArn) continue;
      functions.push({
        name: f.FunctionName,
        arn: f.FunctionArn,
        runtime: f.Runtime ?? null,
        description: f.Description || null,
        lastModified: f.LastModified ?? null,
      });
    }
    marker = out.NextMarker;
  } while (marker && functions.length < MAX_FUNCTIONS);
  functions.sort((a, b) => a.name.localeCompare(b.name));
  return {
    functions: functions.slice(0, MAX_FUNCTIONS),
    truncated: marker !== undefined || functions.length > MAX_FUNCTIONS,
  };
}
