import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Global setup of the screenshot run: files of an older list do not linger (once, not per worker). */
export default async function clearScreenshots(): Promise<void> {
  for (const f of await readdir(folder)) if (f.endsWith('.png')) await rm(`${folder}${f}`);
}
