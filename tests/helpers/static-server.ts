/**
 * A tiny static file server for the end-to-end tests (node:http only, no dependency).
 *
 * It serves a built Astro `dist` folder *under a base path*, the way a static host would when the
 * site lives in a sub-folder (e.g. GitHub Pages project sites):
 *
 *   base '/course/':  GET /course/            -> dist/index.html
 *                     GET /course/a/b/        -> dist/a/b/index.html
 *                     GET /course/a/b         -> 301 to /course/a/b/ (if dist/a/b/ is a folder)
 *                     GET /course/x.css       -> dist/x.css
 *                     GET /favicon.ico        -> 404   (outside the base: proves nothing leaks to the root)
 *
 * Unknown paths answer 404 with dist/404.html when it exists. Binds to 127.0.0.1 on a random free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:43567` (no trailing slash). */
  origin: string;
  /** Site root URL including the base, e.g. `http://127.0.0.1:43567/course/` (always ends in `/`). */
  url: string;
  /** Normalised base path, always starting and ending with `/`. */
  base: string;
  /** Absolute path of the folder being served. */
  root: string;
  /** Every request path the server answered with a non-2xx/3xx status, for debugging. */
  notFound: string[];
  close(): Promise<void>;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** '/course' | 'course/' | '' -> '/course/' ; '/' -> '/' */
export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

async function statOrNull(p: string) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

export async function startStaticServer(options: { root: string; base?: string; port?: number; gzip?: boolean }): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = normaliseBase(options.base);
  const rootStat = await statOrNull(root);
  if (!rootStat?.isDirectory()) {
    throw new Error(`static-server: "${root}" is not a folder. Build the site first (npx astro build).`);
  }
  const notFound: string[] = [];

  async function send(res: ServerResponse, req: IncomingMessage, status: number, file: string) {
    const s = await stat(file);
    // Like a real host (used by `npm run lighthouse`): compress text when the browser asks.
    if (options.gzip && /gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|svg/.test(contentTypeFor(file))) {
      res.writeHead(status, { 'content-type': contentTypeFor(file), 'content-encoding': 'gzip', 'cache-control': 'max-age=3600', vary: 'accept-encoding' });
      if (req.method === 'HEAD') return void res.end();
      return void createReadStream(file).on('error', () => res.destroy()).pipe(createGzip()).pipe(res);
    }
    res.writeHead(status, {
      'content-type': contentTypeFor(file),
      'content-length': String(s.size),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  async function notFoundResponse(req: IncomingMessage, res: ServerResponse, pathname: string) {
    notFound.push(pathname);
    const page = path.join(root, '404.html');
    if (await statOrNull(page)) return send(res, req, 404, page);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : `404 Not Found: ${pathname}\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return void res.end();
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      return void res.end('bad request\n');
    }
    // The base without its trailing slash redirects to the base (what static hosts do).
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base + url.search });
      return void res.end();
    }
    if (!pathname.startsWith(base) || pathname.includes('\0')) return notFoundResponse(req, res, pathname);

    const rel = pathname.slice(base.length);
    const file = path.resolve(root, '.' + path.posix.sep + rel);
    if (file !== root && !file.startsWith(root + path.sep)) return notFoundResponse(req, res, pathname);

    const s = await statOrNull(file);
    if (s?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        return void res.end();
      }
      const index = path.join(file, 'index.html');
      if (await statOrNull(index)) return send(res, req, 200, index);
      return notFoundResponse(req, res, pathname);
    }
    if (s?.isFile() && !pathname.endsWith('/')) return send(res, req, 200, file);
    // Astro `build.format: 'file'` output: /a/b -> a/b.html
    if (!pathname.endsWith('/') && !path.extname(file) && (await statOrNull(file + '.html'))?.isFile()) {
      return send(res, req, 200, file + '.html');
    }
    return notFoundResponse(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`500 ${String(err)}\n`);
    });
  });
  // Never keep the test process alive because of idle keep-alive sockets.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: origin + base,
    base,
    root,
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
