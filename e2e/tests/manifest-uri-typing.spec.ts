import { demo, expect, test } from '../fixtures';

test('typing the manifest URI key by key reads the object once it is typed, not at every key', async ({
  page,
  wizard,
}) => {
  const heads: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/buckets\/[^/]+\/object\?/.test(r.url())) heads.push(r.url());
  });
  await wizard.goto();
  await wizard.manifestUri.pressSequentially(demo.manifestUri, { delay: 20 });
  await expect(wizard.manifestEtag).not.toHaveValue('');
  // One read per pause of 400 ms: one on a quiet machine. A starved browser (npm test runs this
  // beside vitest on 2 cores) can pause mid-key once or twice; a read per key would be ~50.
  expect(heads.length).toBeGreaterThanOrEqual(1);
  expect(heads.length).toBeLessThanOrEqual(3);
  expect(decodeURIComponent(heads.at(-1) ?? '')).toContain('key=manifests/demo-manifest.csv');
});
