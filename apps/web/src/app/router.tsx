import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/navigation';
import { BatchReplicationJobPage } from '../routes/batch-replication-job-page';
import { BucketPage } from '../routes/bucket-page';
import { BucketsPage } from '../routes/buckets-page';
import { CreateBucketPage } from '../routes/create-bucket-page';
import { CreateJobPage } from '../routes/create-job-page';
import { JobDetailsPage } from '../routes/job-details-page';
import { JobsPage } from '../routes/jobs-page';
import { NotFoundPage } from '../routes/not-found-page';
import { ReplicationRulePage } from '../routes/replication-rule-page';
import { AppErrorPage } from './app-error-page';
import { AppShell, type RouteHandle } from './app-shell';
import { RouteBoundary } from './route-boundary';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <AppErrorPage />,
    children: [
      { index: true, element: <Navigate to={paths.jobs} replace /> },
      {
        path: paths.jobs,
        handle: { crumb: { text: 'Batch Operations', href: paths.jobs } } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RouteBoundary page="job list">
                <JobsPage />
              </RouteBoundary>
            ),
          },
          {
            path: 'create',
            element: (
              <RouteBoundary page="create job">
                <CreateJobPage />
              </RouteBoundary>
            ),
            handle: { crumb: { text: 'Create job', href: paths.createJob } } satisfies RouteHandle,
          },
          {
            path: 'jobs/:jobId',
            element: (
              <RouteBoundary page="job details">
                <JobDetailsPage />
              </RouteBoundary>
            ),
            handle: {
              crumb: (params) => ({ text: params.jobId ?? 'Job', href: paths.job(params.jobId ?? '') }),
            } satisfies RouteHandle,
          },
        ],
      },
      {
        path: paths.buckets,
        handle: { crumb: { text: 'Buckets', href: paths.buckets } } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RouteBoundary page="buckets">
                <BucketsPage />
              </RouteBoundary>
            ),
          },
          {
            path: ':bucket',
            handle: {
              crumb: (params) => ({
                text: params.bucket ?? 'Bucket',
                href: paths.bucket(params.bucket ?? ''),
              }),
            } satisfies RouteHandle,
            children: [
              {
                index: true,
                element: (
                  <RouteBoundary page="bucket">
                    <BucketPage />
                  </RouteBoundary>
                ),
              },
              {
                path: 'replication/create',
                handle: { crumb: { text: 'Create replication rule', href: '#' } } satisfies RouteHandle,
                element: (
                  <RouteBoundary page="replication rule">
                    <ReplicationRulePage />
                  </RouteBoundary>
                ),
              },
              {
                path: 'replication/batch-job',
                handle: { crumb: { text: 'Batch Replication job', href: '#' } } satisfies RouteHandle,
                element: (
                  <RouteBoundary page="Batch Replication job">
                    <BatchReplicationJobPage />
                  </RouteBoundary>
                ),
              },
              {
                path: 'replication/:ruleId/edit',
                handle: {
                  crumb: (params) => ({ text: `Edit ${params.ruleId ?? 'rule'}`, href: '#' }),
                } satisfies RouteHandle,
                element: (
                  <RouteBoundary page="replication rule">
                    <ReplicationRulePage />
                  </RouteBoundary>
                ),
              },
            ],
          },
        ],
      },
      {
        path: paths.createBucket,
        handle: { crumb: { text: 'Create bucket', href: paths.createBucket } } satisfies RouteHandle,
        element: (
          <RouteBoundary page="create bucket">
            <CreateBucketPage />
          </RouteBoundary>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
