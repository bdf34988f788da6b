import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';

export function BucketsPage() {
  return (
    <ContentLayout header={<Header variant="h1">Buckets</Header>}>
      <Box variant="p" color="text-body-secondary">
        Browsing buckets and their replication rules comes with the local S3 endpoint.
      </Box>
    </ContentLayout>
  );
}
