import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** The fallback's header, e.g. which page failed. */
  readonly header: string;
  /** When any of these change (e.g. the path after a navigation), the boundary tries its children again. */
  readonly resetKeys: readonly unknown[];
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  readonly resetKeys: readonly unknown[];
}

const changed = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));

/** What was thrown, as an Error (a thrown string or object too). */
export const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * Catches a render error below it and shows it as an Alert with "Try again" and "Reload page",
 * so one broken component costs its own region, not the whole console.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKeys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: asError(error) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (!changed(props.resetKeys, state.resetKeys)) return null;
    return { error: null, resetKeys: props.resetKeys };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is where a developer looks for the component stack.
    console.error('Render error', error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorFallback header={this.props.header} error={error} onRetry={this.reset} />;
  }
}

export function ErrorFallback({
  header,
  error,
  onRetry,
}: {
  header: string;
  error: Error;
  onRetry?: () => void;
}) {
  return (
    <Alert
      type="error"
      header={header}
      action={
        <SpaceBetween direction="horizontal" size="xs">
          {onRetry && <Button onClick={onRetry}>Try again</Button>}
          <Button onClick={() => window.location.reload()}>Reload page</Button>
        </SpaceBetween>
      }
    >
      <Box variant="p">{error.message || error.name}</Box>
    </Alert>
  );
}
