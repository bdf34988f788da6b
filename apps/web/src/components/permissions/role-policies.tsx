import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { QueryView } from '../query-view';
import { useRole } from './api/get-role';
import { PolicyDocumentView } from './policy-document-view';

/** The selected role's trust policy, inline policies (with their documents) and attached managed policies. */
export function RolePolicies({ name }: { name: string }) {
  const role = useRole(name);
  return (
    <ExpandableSection headerText={`Policies of ${name}`} variant="footer" defaultExpanded={false}>
      <QueryView
        query={role}
        loading="Reading the role"
        errorHeader="The role could not be read"
        errorType="warning"
      >
        {(data) => (
          <SpaceBetween size="m">
            {!data.trustsBatchOperations && (
              <Alert type="warning" header="Batch Operations cannot assume this role">
                Its trust policy does not allow batchoperations.s3.amazonaws.com to sts:AssumeRole.
              </Alert>
            )}
            {data.inlinePolicies.map((p) => (
              <PolicyDocumentView key={p.name} label={`Inline policy ${p.name}`} document={p.document} />
            ))}
            {data.inlinePolicies.length === 0 && <Box>No inline policies.</Box>}
            <Box>
              <Box variant="awsui-key-label">Attached managed policies</Box>
              {data.attachedPolicies.length
                ? data.attachedPolicies.map((p) => <div key={p.arn}>{p.name}</div>)
                : 'None.'}
            </Box>
            <PolicyDocumentView label="Trust policy" document={data.trustPolicy} />
          </SpaceBetween>
        )}
      </QueryView>
    </ExpandableSection>
  );
}
