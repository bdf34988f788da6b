import { useNavigate } from 'react-router';
import { useNotifications } from '../components/notifications';
import { paths } from '../config/navigation';
import { CreateBucketForm } from '../features/buckets/components/create-bucket-form';
import { useConnection } from '../lib/connection/get-connection';

export function CreateBucketPage() {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const connection = useConnection();
  return (
    <CreateBucketForm
      region={connection.data?.region ?? '-'}
      onCreated={(bucket) => {
        notify({ type: 'success', content: `Successfully created bucket "${bucket}".` });
        void navigate(paths.buckets);
      }}
      onCancel={() => void navigate(paths.buckets)}
    />
  );
}
