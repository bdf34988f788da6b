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
  expect(heads).toHaveLength(1);
  expect(decodeURIComponent(heads[0] ?? '')).toContain('key=manifests/demo-manifest.csv');
});
