import type { PreflightRequest } from '@batchops/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../confirm-modal';
import { preflightJobQueryOptions } from './api/preflight-job';
import { preflightProblems } from './preflight-checks';

interface Pending {
  readonly problems: number;
  readonly create: () => void;
}

/**
 * Create, unless the pre-flight shown for this job found problems: then ask first. Reads the answer
 * the page's pre-flight section already has, so asking runs no check of its own.
 */
export function useCreateAnyway() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const guard = (model: PreflightRequest, create: () => void) => {
    const problems = preflightProblems(queryClient.getQueryData(preflightJobQueryOptions(model).queryKey));
    if (problems === 0) create();
    else setPending({ problems, create });
  };
  return { guard, pending, dismiss: () => setPending(null) };
}

/** "Pre-flight found N problems. Create anyway?": Create runs the held create, Cancel keeps the page. */
export function CreateAnywayModal({ gate }: { gate: ReturnType<typeof useCreateAnyway> }) {
  const { pending, dismiss } = gate;
  if (!pending) return null;
  const n = pending.problems;
  return (
    <ConfirmModal
      header="Create anyway?"
      confirmLabel="Create anyway"
      onDismiss={dismiss}
      onConfirm={() => {
        dismiss();
        pending.create();
      }}
    >
      Pre-flight found {n} {n === 1 ? 'problem' : 'problems'}. Create anyway? The job would likely fail.
    </ConfirmModal>
  );
}
