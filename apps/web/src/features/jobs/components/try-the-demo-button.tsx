import Button from '@cloudscape-design/components/button';
import { useNotifications } from '../../../components/notifications';
import { paths } from '../../../config/navigation';
import { useConnection } from '../../../lib/connection/get-connection';
import { useCreateJob } from '../api/create-job';

/** One click: the demo job, made from the wizard's form as a user would fill it, then its page. */
export function TryTheDemoButton({ navigate }: { navigate: (href: string) => void }) {
  const connection = useConnection();
  const create = useCreateJob();
  const { notify } = useNotifications();
  const c = connection.data;
  if (!c?.demo) return null;
  const demo = c.demo;
  const tryIt = async () => {
    // The wizard's form code holds every operation's module: the job list loads it only on this click.
    const { demoJobModel } = await import('./create-job-wizard/demo-job-form');
    const parsed = demoJobModel(c.region, demo);
    if (!parsed.success) {
      notify({ type: 'error', header: 'Could not make the demo job', content: parsed.issues[0]?.message });
      return;
    }
    create.mutate(parsed.model, {
      onSuccess: ({ jobId }) => {
        notify({
          type: 'success',
          jobId,
          content: `Demo job ${jobId} created: it tags every object of the demo manifest once you choose Run job.`,
        });
        navigate(paths.job(jobId));
      },
      onError: (e) => notify({ type: 'error', header: 'Could not create the demo job', content: e.message }),
    });
  };
  return (
    <Button variant="primary" loading={create.isPending} onClick={() => void tryIt()}>
      Try the demo
    </Button>
  );
}
