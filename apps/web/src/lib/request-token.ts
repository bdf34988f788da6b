/** A new CreateJob ClientRequestToken: one per attempt a user means as one job. */
export function newRequestToken(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
