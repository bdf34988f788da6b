import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import { paths } from '../config/navigation';

export function NotFoundPage() {
  return (
    <Box padding={{ top: 'l' }}>
      <Header variant="h1">Page not found</Header>
      <Box variant="p">
        There is nothing at this address. Go to <Link href={paths.jobs}>Batch Operations</Link>.
      </Box>
    </Box>
  );
}
