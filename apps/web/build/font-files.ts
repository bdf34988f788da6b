import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

const FONT_FACE = /@font-face\s*{[^}]*}/g;
const DATA_WOFF2 = /url\((['"]?)data:font\/woff2;base64,([A-Za-z0-9+/=]+)\1\)/;

/** `open-sans-700-italic`: the face's family, weight and style, as a file name. */
function faceName(block: string): string {
  const prop = (name: string) =>
    block.match(new RegExp(`${name}\\s*:\\s*['"]?([^;'"]+)`))?.[1]?.trim() ?? 'normal';
  return [prop('font-family'), prop('font-weight'), prop('font-style')]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

/**
 * Cloudscape's global styles inline eight Open Sans faces as base64 (~137 KB brotli of the first
 * load's CSS); as files of their own the browser fetches only the faces a page uses. The given
 * faces (e.g. `open-sans-400-normal`), which the first screen uses, are preloaded by index.html.
 */
export function fontFiles(cacheDir: string, preload: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'batchops-font-files',
    apply: 'build',
    // Before Vite's CSS plugin, which then emits each file as a hashed asset like any url().
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
    },
    transform(code, id) {
      if (!id.endsWith('.css') || !code.includes('data:font/woff2')) return null;
      mkdirSync(cacheDir, { recursive: true });
      return code.replace(FONT_FACE, (block) =>
        block.replace(DATA_WOFF2, (_url, _quote, base64: string) => {
          const file = join(cacheDir, `${faceName(block)}.woff2`);
          writeFileSync(file, Buffer.from(base64, 'base64'));
          return `url('${relative(dirname(id), file).replaceAll('\\', '/')}')`;
        }),
      );
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] {
        const assets = Object.values(bundle ?? {}).filter((o) => o.type === 'asset');
        return preload.map((face) => {
          const asset = assets.find((a) => a.names.includes(`${face}.woff2`));
          if (!asset) throw new Error(`font-files: no font face ${face} in the build to preload`);
          return {
            tag: 'link',
            // Fonts are fetched in CORS mode: the preload must be too, or the browser fetches twice.
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              href: base + asset.fileName,
              crossorigin: '',
            },
            injectTo: 'head',
          };
        });
      },
    },
  };
}
