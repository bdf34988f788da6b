import type { JobProgress } from '@batchops/contracts';
import ProgressBar from '@cloudscape-design/components/progress-bar';

/** A compact progress bar for the job list: tasks done out of the total. */
export function JobProgressCell({ progress, label }: { progress: JobProgress; label: string }) {
  const { totalTasks, succeeded, failed } = progress;
  if (!totalTasks) return <>-</>;
  const done = succeeded + failed;
  return (
    <ProgressBar
      value={Math.floor((done / totalTasks) * 100)}
      ariaLabel={label}
      additionalInfo={`${done.toLocaleString()} of ${totalTasks.toLocaleString()}${failed ? ` · ${failed.toLocaleString()} failed` : ''}`}
    />
  );
}
