import { JobTags, type S3Tag, tagLimits } from '@batchops/contracts';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useNotifications } from '../../../components/notifications';
import { apiFieldErrors, type FieldErrorMap, zodFieldErrors } from '../../../lib/field-errors';
import { usePutJobTags } from '../api/put-job-tags';
import { TagsEditor } from './tags-editor';

export function EditJobTagsModal({
  jobId,
  tags,
  onClose,
}: {
  jobId: string;
  tags: S3Tag[];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<S3Tag[]>(tags);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const put = usePutJobTags();
  const { notify } = useNotifications();
  const save = () => {
    const parsed = JobTags.safeParse(draft);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    put.mutate(
      { jobId, tags: parsed.data },
      {
        onSuccess: () => {
          notify({ type: 'success', content: `Tags of job ${jobId} saved.` });
          onClose();
        },
        onError: (e) => setErrors(apiFieldErrors(e)),
      },
    );
  };
  return (
    <ConfirmModal
      size="large"
      onDismiss={onClose}
      header="Edit job tags"
      confirmLabel="Save changes"
      onConfirm={save}
      loading={put.isPending}
    >
      <TagsEditor tags={draft} onChange={setDraft} limit={tagLimits.job} errors={errors} errorPrefix="" />
    </ConfirmModal>
  );
}
