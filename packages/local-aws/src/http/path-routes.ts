import type { HandlerResult } from './handler-types.js';
import { decodeComponent } from './request-target.js';

/** A REST route of a JSON or XML API (Lambda, S3 Control): method, path pattern, and `{id}` in group 1. */
export interface PathRoute<Ctx, Svc> {
  readonly method: string;
  readonly path: RegExp;
  readonly handle: (ctx: Ctx, svc: Svc, id: string) => HandlerResult | Promise<HandlerResult>;
}

/**
 * The route of a request: none when no path matches, `method` when a path matches for another
 * method, else the route and its path member decoded (trailing slashes ignored).
 */
export function matchPathRoute<R extends PathRoute<never, never>>(
  routes: readonly R[],
  method: string,
  rawPath: string,
): { route: R; id: string } | 'none' | 'method' {
  const path = rawPath.replace(/\/+$/, '');
  const matches = routes.filter((r) => r.path.test(path));
  if (matches.length === 0) return 'none';
  const route = matches.find((r) => r.method === method);
  if (!route) return 'method';
  return { route, id: decodeComponent(path.match(route.path)?.[1] ?? '') };
}
