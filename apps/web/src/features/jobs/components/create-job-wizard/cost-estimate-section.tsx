import type { CostLine, JobWizardModel } from '@batchops/contracts';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { Section } from '../../../../components/form/section';
import { QueryView } from '../../../../components/query-view';
import { useCostEstimate } from '../../api/get-cost-estimate';

const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

const columns: TableProps<CostLine>['columnDefinitions'] = [
  { id: 'charge', header: 'Charge', cell: (l) => l.label },
  { id: 'quantity', header: 'Quantity', cell: (l) => count(l.quantity) },
  {
    id: 'price',
    header: 'Price (us-east-1)',
    cell: (l) => (
      <Link external href={l.source}>
        {`$${l.usd} per ${l.per === 1 ? '' : `${count(l.per)} `}${l.unit}${l.verified ? '' : ' (not verified)'}`}
      </Link>
    ),
  },
  { id: 'amount', header: 'Amount', cell: (l) => l.amountText },
];

/** What the job would cost on AWS, from the console's one price table (decision 0034). */
export function CostEstimateSection({ model }: { model: JobWizardModel }) {
  const estimate = useCostEstimate(model);
  return (
    <Section title="Estimated cost">
      <QueryView query={estimate} loading="Estimating the cost" errorHeader="Could not estimate the cost">
        {(e) => (
          <>
            <Box variant="p">{e.summary}</Box>
            <Table
              variant="embedded"
              ariaLabels={{ tableLabel: 'Cost estimate' }}
              columnDefinitions={columns}
              items={e.lines}
              footer={<Box fontWeight="bold">{`Total: ${e.totalText} (objects: ${e.objects.note})`}</Box>}
            />
            {e.notes.length > 0 && (
              <ul aria-label="Not included in the estimate">
                {e.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </Section>
  );
}
