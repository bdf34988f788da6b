import { MAX_UPLOAD_BYTES } from '@batchops/contracts';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import { useState } from 'react';
import { ModalFooter } from '../../../components/modal-footer';
import { useNotifications } from '../../../components/notifications';
import { useUploadObjects } from '../api/upload-object';

/** Upload files into the folder in view (through the BFF, up to 5 MB each). */
export function UploadModal({
  bucket,
  prefix,
  visible,
  onDismiss,
}: {
  bucket: string;
  prefix: string;
  visible: boolean;
  onDismiss: () => void;
}) {
  const [files, setFiles] = useState<File[]>([]);
  const upload = useUploadObjects(bucket);
  const { notify } = useNotifications();
  const tooBig = files.filter((f) => f.size > MAX_UPLOAD_BYTES);
  const close = () => {
    setFiles([]);
    upload.reset();
    onDismiss();
  };
  return (
    <Modal
      visible={visible}
      onDismiss={close}
      closeAriaLabel="Close dialog"
      header="Upload"
      footer={
        <ModalFooter
          onCancel={close}
          confirmLabel="Upload"
          loading={upload.isPending}
          disabled={files.length === 0 || tooBig.length > 0}
          onConfirm={() =>
            upload.mutate(
              { prefix, files },
              {
                onSuccess: (done) => {
                  notify({
                    type: 'success',
                    content: `Uploaded ${done.length} ${done.length === 1 ? 'file' : 'files'} to s3://${bucket}/${prefix}`,
                  });
                  close();
                },
              },
            )
          }
        />
      }
    >
      <FormField
        label="Files and folders"
        description={`Destination: s3://${bucket}/${prefix}`}
        errorText={
          upload.isError
            ? upload.error.message
            : tooBig.length > 0
              ? `Larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: ${tooBig.map((f) => f.name).join(', ')}`
              : undefined
        }
      >
        <FileUpload
          multiple
          value={files}
          onChange={(e) => setFiles(e.detail.value)}
          showFileSize
          showFileLastModified
          i18nStrings={{
            uploadButtonText: (multiple) => (multiple ? 'Choose files' : 'Choose file'),
            dropzoneText: (multiple) => (multiple ? 'Drop files to upload' : 'Drop file to upload'),
            removeFileAriaLabel: (i) => `Remove file ${i + 1}`,
            limitShowFewer: 'Show fewer files',
            limitShowMore: 'Show more files',
            errorIconAriaLabel: 'Error',
            warningIconAriaLabel: 'Warning',
          }}
        />
      </FormField>
    </Modal>
  );
}
