import { formatDuration } from './format-duration';

/** `12.5 tasks/s`, or `-` when unknown. */
export const formatRate = (rate: number | null | undefined): string =>
  rate == null ? '-' : `${rate.toFixed(1)} tasks/s`;

/** `3m 10s`, or `-` when unknown. */
export const formatEta = (eta: number | null | undefined): string =>
  eta == null ? '-' : formatDuration(eta);

/** Failed tasks in per cent of those done (`-` before any is done), one decimal below 10 %. */
export function formatFailedPercent(progress: { succeeded: number; failed: number }): string {
  const done = progress.succeeded + progress.failed;
  if (done === 0) return '-';
  const p = (progress.failed / done) * 100;
  return `${p > 0 && p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}
