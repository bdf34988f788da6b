import Container from '@cloudscape-design/components/container';
import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import SpaceBetween, { type SpaceBetweenProps } from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface SectionProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly actions?: HeaderProps['actions'];
  /** The space between the section's fields. */
  readonly size?: SpaceBetweenProps['size'];
  readonly children: ReactNode;
}

/** One titled part of a form or page, as the console draws it: a container with an h2 header. */
export function Section({ title, description, actions, size = 'l', children }: SectionProps) {
  return (
    <Container
      header={
        <Header variant="h2" description={description} actions={actions}>
          {title}
        </Header>
      }
    >
      <SpaceBetween size={size}>{children}</SpaceBetween>
    </Container>
  );
}
