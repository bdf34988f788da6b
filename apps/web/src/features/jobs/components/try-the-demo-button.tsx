import Button from '@cloudscape-design/components/button';
import { paths } from '../../../config/navigation';
import { useConnection } from '../../../lib/connection/get-connection';

/** Opens the wizard prefilled with the seeded demo job on Review: the user sees what it is and creates it. */
export function TryTheDemoButton({ navigate }: { navigate: (href: string) => void }) {
  const connection = useConnection();
  if (!connection.data?.demo) return null;
  return (
    <Button variant="primary" onClick={() => navigate(paths.tryDemo)}>
      Try the demo
    </Button>
  );
}
