import type { PreflightCheck, PreflightRequest } from '@batchops/contracts';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { usePreflight } from './api/preflight-job';
import { checksByStatus, type PreflightFixes, preflightFixTarget } from './preflight-checks';

const checkStatus: Record<PreflightCheck['status'], StatusIndicatorProps.Type> = {
  pass: 'success',
  fail: 'error',
  warn: 'warning',
};

const checkText: Record<PreflightCheck['status'], string> = {
  pass: 'passed',
  fail: 'failed',
  warn: 'warning',
};

/** A failed check links to where it is fixed (a warning says what was not checked: nothing to fix). */
function FixLink({ check, fixes }: { check: PreflightCheck; fixes: PreflightFixes | undefined }) {
  const fix = fixes?.[preflightFixTarget[check.id]];
  if (!fix || check.status !== 'fail') return null;
  return (
    <Box margin={{ left: 'l' }}>
      <Link
        onFollow={(e) => {
          e.preventDefault();
          fix.onFollow();
        }}
      >
        {fix.text}
      </Link>
    </Box>
  );
}

function PreflightChecks({ checks, fixes }: { checks: readonly PreflightCheck[]; fixes?: PreflightFixes }) {
  return (
    <ul aria-label="Pre-flight checks" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {checksByStatus(checks).map((c) => (
        <li key={c.id} aria-label={c.label}>
          <StatusIndicator type={checkStatus[c.status]}>
            <b>{c.label}</b> ({checkText[c.status]}): {c.message}
          </StatusIndicator>
          {c.missing && c.missing.length > 0 && (
            <ul aria-label="Missing permissions">
              {c.missing.map((m) => (
                <li key={`${m.action} ${m.resource}`}>
                  <Box variant="code">{m.action}</Box> on <Box variant="code">{m.resource}</Box> ({m.purpose},{' '}
                  {m.decision})
                </li>
              ))}
            </ul>
          )}
          <FixLink check={c} fixes={fixes} />
        </li>
      ))}
    </ul>
  );
}

/** What the BFF checks before the job exists; a failed check links to its fix when the page gives `fixes`. */
export function PreflightSection({ model, fixes }: { model: PreflightRequest; fixes?: PreflightFixes }) {
  const preflight = usePreflight(model);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Checked now, before the job exists."
          actions={
            <Button
              formAction="none"
              iconName="refresh"
              loading={preflight.isFetching}
              onClick={() => void preflight.refetch()}
            >
              Check again
            </Button>
          }
        >
          Pre-flight check
        </Header>
      }
    >
      {preflight.isError && (
        <Alert type="error" header="The pre-flight check could not run">
          {preflight.error.message}
        </Alert>
      )}
      {preflight.isPending && !preflight.isError && (
        <StatusIndicator type="loading">Checking</StatusIndicator>
      )}
      {preflight.data && (
        <SpaceBetween size="s">
          {!preflight.data.ok && (
            <Alert type="warning" header="The pre-flight check found problems">
              The job would likely fail. Failed checks come first, each with a link to where it is fixed.
            </Alert>
          )}
          <PreflightChecks checks={preflight.data.checks} fixes={fixes} />
        </SpaceBetween>
      )}
    </Container>
  );
}
