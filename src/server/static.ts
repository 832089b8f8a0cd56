// Serves the built viewer (viz/dist) with correct content types; never a file outside that folder.
// Unknown non-file paths fall back to index.html so shared view links (?entity=…) always open the app.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a URL path onto a file under root, or null when it would escape root (traversal, NUL, bad escapes). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  if (rel.split('/').includes('..')) return null;
  const absRoot = path.resolve(root);
  const file = path.resolve(absRoot, rel || 'index.html');
  if (file !== absRoot && !file.startsWith(absRoot + path.sep)) return null;
  return file;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Returns false when nothing was served (the caller answers 404). */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
): Promise<boolean> {
  let file = resolveStaticPath(root, urlPath);
  if (!file) return false;
  if (!(await isFile(file))) {
    // Paths with an extension are real asset requests: a miss is a 404, not the app.
    if (path.extname(file)) return false;
    file = path.join(path.resolve(root), 'index.html');
    if (!(await isFile(file))) return false;
  }
  const info = await stat(file);
  const immutable = /\/assets\//.test(file.split(path.sep).join('/'));
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': String(info.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', () => resolve());
    stream.pipe(res);
  });
  return true;
}
