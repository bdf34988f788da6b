import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/navigation';
import { JobsPage } from '../routes/jobs-page';
import { NotFoundPage } from '../routes/not-found-page';
import { AppErrorPage } from './app-error-page';
import { AppShell, type RouteHandle } from './app-shell';
import { lazyPage, page } from './lazy-page';

/** Every page but the job list (where the console opens) is fetched on its route's first visit. */
const load = {
  createJob: () => import('../routes/create-job-page').then((m) => m.CreateJobPage),
  dashboard: () => import('../routes/dashboard-page').then((m) => m.DashboardPage),
  jobDetails: () => import('../routes/job-details-page').then((m) => m.JobDetailsPage),
  buckets: () => import('../routes/buckets-page').then((m) => m.BucketsPage),
  bucket: () => import('../routes/bucket-page').then((m) => m.BucketPage),
  replicationRule: () => import('../routes/replication-rule-page').then((m) => m.ReplicationRulePage),
  batchReplicationJob: () =>
    import('../routes/batch-replication-job-page').then((m) => m.BatchReplicationJobPage),
  createBucket: () => import('../routes/create-bucket-page').then((m) => m.CreateBucketPage),
};

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
            element: page('job list', JobsPage),
          },
          {
            path: 'create',
            element: lazyPage('create job', load.createJob),
            handle: { crumb: { text: 'Create job', href: paths.createJob } } satisfies RouteHandle,
          },
          {
            path: 'dashboard',
            element: lazyPage('dashboard', load.dashboard),
            handle: { crumb: { text: 'Dashboard', href: paths.dashboard } } satisfies RouteHandle,
          },
          {
            path: 'jobs/:jobId',
            element: lazyPage('job details', load.jobDetails),
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
            element: lazyPage('buckets', load.buckets),
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
                element: lazyPage('bucket', load.bucket),
              },
              {
                path: 'replication/create',
                handle: { crumb: { text: 'Create replication rule', href: '#' } } satisfies RouteHandle,
                element: lazyPage('replication rule', load.replicationRule),
              },
              {
                path: 'replication/batch-job',
                handle: { crumb: { text: 'Batch Replication job', href: '#' } } satisfies RouteHandle,
                element: lazyPage('Batch Replication job', load.batchReplicationJob),
              },
              {
                path: 'replication/:ruleId/edit',
                handle: {
                  crumb: (params) => ({ text: `Edit ${params.ruleId ?? 'rule'}`, href: '#' }),
                } satisfies RouteHandle,
                element: lazyPage('replication rule', load.replicationRule),
              },
            ],
          },
        ],
      },
      {
        path: paths.createBucket,
        handle: { crumb: { text: 'Create bucket', href: paths.createBucket } } satisfies RouteHandle,
        element: lazyPage('create bucket', load.createBucket),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
