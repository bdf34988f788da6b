/** A form field label marked optional, as the AWS console writes it. */
export const optionalLabel = (label: string) => (
  <>
    {label} - <i>optional</i>
  </>
);
