/** The Regions the console offers (the wizard's Region choice). */
export const regionOptions: { value: string; label: string }[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-2',
].map((r) => ({ value: r, label: r }));
