import { startLocalAws } from '@batchops/local-aws';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    localAwsUrl: string;
  }
}

// Port 0: a free port; no dataDir: a temporary directory that close() removes.
export default async function setup(project: TestProject) {
  const aws = await startLocalAws({ port: 0 });
  project.provide('localAwsUrl', aws.url);
  return () => aws.close();
}
