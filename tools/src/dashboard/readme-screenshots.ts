import { resolve } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { DASHBOARD_DIR } from './dashboard-paths';

const root = resolve(DASHBOARD_DIR, '..', '..');
/** Where the browser test writes the README's pictures (`SWITCHBOARD_README_SCREENSHOT=1`). */
export const README_SCREENSHOT_DIR = resolve(root, 'docs', 'screenshots');
export const README_PATH = resolve(root, 'README.md');
/** The dashboard's route list (its `Route` union names every page). */
export const ROUTING_PATH = resolve(DASHBOARD_DIR, 'src', 'routing.ts');
/** The size every README picture is taken at: a laptop's screen, the top of the page. */
export const README_SCREENSHOT_SIZE = { width: 1366, height: 768 } as const;
/**
 * Pages outside the `Route` union that also have their picture: the sign-in page (before any route)
 * and the wallboard (`#/wallboard/<center>`, a TV mode without the shell).
 */
export const PAGES_OUTSIDE_ROUTES = ['signIn', 'wallboard'] as const;

/** The pages of the dashboard's `Route` union (`{ page: 'center'; ... }`), in their order. */
export function routePages(routingSource: string): string[] {
  const union = /export type Route =([\s\S]*?);\n/.exec(routingSource)?.[1];
  if (!union) throw new Error('routing.ts declares no `export type Route = ...;`');
  return [...union.matchAll(/\{\s*page:\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
}

/** A page's picture file: `followUps` → `follow-ups.png`; a variant (`zh-CN`) → `center.zh-CN.png`. */
export function screenshotFile(page: string, variant?: string): string {
  const name = page.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return variant ? `${name}.${variant}.png` : `${name}.png`;
}

/** The pictures a Markdown text shows or links under docs/screenshots/. */
export function referencedScreenshots(markdown: string): string[] {
  return [...markdown.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const found: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    found.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

/** A PNG's width and height (its IHDR). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const header = chunks(png).find((c) => c.type === 'IHDR');
  if (!header) throw new Error('a PNG without IHDR');
  return { width: header.data.readUInt32BE(0), height: header.data.readUInt32BE(4) };
}

/** The PNG's pixel rows as stored (filter byte + row), all IDAT chunks inflated. */
export function pngImageData(png: Buffer): Buffer {
  return inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The same picture, its pixel data deflated again at the strongest level in one IDAT and the
 * other chunks kept (the browser writes it fast, not small): lossless, and the README's pictures stay
 * light in git.
 */
export function recompressPng(png: Buffer): Buffer {
  // every chunk the browser put before the image data (IHDR first; sRGB, pHYs...), and no text after
  const before = chunks(png).filter((c) => c.type !== 'IDAT' && c.type !== 'IEND');
  return Buffer.concat([
    PNG_SIGNATURE,
    ...before.map((c) => chunk(c.type, c.data)),
    chunk('IDAT', deflateSync(pngImageData(png), { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The pages whose picture the README neither shows nor links (by `screenshotFile`). */
export function pagesWithoutScreenshot(pages: readonly string[], readme: string): string[] {
  const shown = new Set(referencedScreenshots(readme));
  return pages.filter((page) => !shown.has(screenshotFile(page)));
}

/** The pages a browser test takes the README's picture of: its `readmeScreenshot(page, '<page>')` calls. */
export function pageScreenshotCalls(testSource: string): string[] {
  return [...testSource.matchAll(/readmeScreenshot\(\s*\w+,\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
}
