import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** The built SPA: static assets, and index.html for every other GET so client-side routes load. */
export function serveSpa(webDir: string): Router {
  const router = Router();
  const index = join(webDir, 'index.html');
  router.use(express.static(webDir, { index: false, maxAge: '1h' }));
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(`The console is not built (${index} is missing). Run: npm run build`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.use(fallback);
  return router;
}
