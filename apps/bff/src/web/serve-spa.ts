import { existsSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';

export interface ServeSpaOptions {
  /** Serve the build's `.map` files (BATCHOPS_SERVE_SOURCE_MAPS); otherwise they are 404. */
  readonly sourceMaps?: boolean;
}

/** Vite names every file under assets/ by its content hash (assetFileNames): they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unhashed files (index.html, public/ files) are revalidated on every load. */
const REVALIDATE = 'no-cache';
/** The precompressed siblings the web build writes (apps/web/vite.config.ts), best first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

const cacheControlOf = (urlPath: string) => (urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);

/**
 * Send `file` as its `.br` or `.gz` sibling when the client accepts that encoding and the build
 * wrote one; false when there is none (the caller serves the file itself).
 */
function sendPrecompressed(req: Request, res: Response, file: string, cacheControl: string): boolean {
  // Ours first, not the client's order: browsers list gzip before br at the same weight.
  const chosen = ENCODINGS.find(
    ([encoding, ext]) => req.acceptsEncodings(encoding) === encoding && existsSync(file + ext),
  );
  if (!chosen) return false;
  // The type of the file it stands for: send() keeps a Content-Type already set.
  res.type(extname(file));
  res.setHeader('Content-Encoding', chosen[0]);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', cacheControl);
  res.sendFile(file + chosen[1], { cacheControl: false, dotfiles: 'deny' });
  return true;
}

/** The file under `webDir` a URL path names, or undefined when it is malformed or outside. */
function fileOf(webDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(webDir, `.${decoded}`);
  return file.startsWith(webDir + sep) ? file : undefined;
}

/** What the build keeps for itself (`.vite/manifest.json`) or any dotfile: not part of the console. */
const isPrivate = (root: string, file: string) =>
  relative(root, file)
    .split(sep)
    .some((segment) => segment.startsWith('.'));

/** The built SPA: static assets, and index.html for every other GET so client-side routes load. */
export function serveSpa(webDir: string, options: ServeSpaOptions = {}): Router {
  const router = Router();
  const root = resolve(webDir);
  const index = join(root, 'index.html');
  const assets: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileOf(root, req.path);
    // Source maps give the whole source away: only on request (BATCHOPS_SERVE_SOURCE_MAPS=true).
    const map = !options.sourceMaps && req.path.endsWith('.map');
    if (map || (file !== undefined && isPrivate(root, file))) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (file === undefined || !existsSync(file)) return next();
    if (sendPrecompressed(req, res, file, cacheControlOf(req.path))) return;
    next();
  };
  router.use(assets);
  router.use(
    express.static(root, {
      index: false,
      cacheControl: false,
      setHeaders: (res, _path) => {
        const urlPath = (res.req as Request).path;
        res.setHeader('Cache-Control', cacheControlOf(urlPath));
        // The same URL answers compressed to other clients: caches must key on the encoding.
        res.setHeader('Vary', 'Accept-Encoding');
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(`The console is not built (${index} is missing). Run: npm run build`);
      return;
    }
    if (sendPrecompressed(req, res, index, REVALIDATE)) return;
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    res.sendFile(index);
  };
  router.use(fallback);
  return router;
}
