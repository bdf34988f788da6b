/** An SDK error as a check message: `NotFound (HTTP 404): …`. */
export const errorText = (e: unknown) => {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  return `${err.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}${err.message && err.message !== 'UnknownError' && err.message !== err.name ? `: ${err.message}` : ''}`;
};
