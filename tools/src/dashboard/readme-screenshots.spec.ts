import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  PAGES_OUTSIDE_ROUTES,
  pageScreenshotCalls,
  pagesWithoutScreenshot,
  pngImageData,
  pngSize,
  README_PATH,
  README_SCREENSHOT_DIR,
  README_SCREENSHOT_SIZE,
  recompressPng,
  referencedScreenshots,
  routePages,
  ROUTING_PATH,
  screenshotFile,
} from './readme-screenshots';

const BROWSER_TEST = resolve(__dirname, '..', '..', 'e2e', 'dashboard.e2e-spec.ts');
const pages = [...routePages(readFileSync(ROUTING_PATH, 'utf8')), ...PAGES_OUTSIDE_ROUTES];
const readme = readFileSync(README_PATH, 'utf8');

/** A tiny RGB PNG, its rows deflated at level 0 (stored), as a fast encoder might leave it. */
function storedPng(width: number, height: number): Buffer {
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) =>
      Buffer.from([0, ...Array.from({ length: width * 3 }, (_, x) => (x * 7 + y) % 256)]),
    ),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]); // (CRC not read)
  };
  const idat = deflateSync(rows, { level: 0 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', idat.subarray(0, 10)), // the data split over two IDAT chunks
    chunk('IDAT', idat.subarray(10)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe("the README's screenshots of the dashboard", () => {
  it('reads the route list and names each picture after its page', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['center', 'team', 'agent', 'followUps', 'queue', 'wallboard']),
    );
    expect(routePages("export type Route =\n  | { page: 'a'; x: string }\n  | { page: 'bC' };\n")).toEqual([
      'a',
      'bC',
    ]);
    expect(() => routePages('export const nothing = 1;')).toThrow('Route');
    expect(screenshotFile('followUps')).toBe('follow-ups.png');
    expect(screenshotFile('center', 'zh-CN')).toBe('center.zh-CN.png');
    expect(pagesWithoutScreenshot(['center', 'followUps'], '![x](docs/screenshots/center.png)')).toEqual([
      'followUps',
    ]);
  });

  it('shows or links a picture of every page of the route list, each one on disk at 1366×768', () => {
    expect(pagesWithoutScreenshot(pages, readme)).toEqual([]);
    const referenced = referencedScreenshots(readme);
    const missing = referenced.filter((file) => !existsSync(join(README_SCREENSHOT_DIR, file)));
    expect(missing).toEqual([]);
    for (const file of referenced)
      expect({ file, ...pngSize(readFileSync(join(README_SCREENSHOT_DIR, file))) }).toEqual({
        file,
        ...README_SCREENSHOT_SIZE,
      });
  });

  it('has the browser test regenerate every page’s picture', () => {
    const calls = pageScreenshotCalls(readFileSync(BROWSER_TEST, 'utf8'));
    expect(pages.filter((page) => !calls.includes(page))).toEqual([]);
  });

  it('recompresses a PNG without changing a pixel, smaller, its chunks well formed', () => {
    const png = storedPng(40, 30);
    const smaller = recompressPng(png);
    expect(smaller.length).toBeLessThan(png.length / 2);
    expect(pngSize(smaller)).toEqual({ width: 40, height: 30 });
    expect(pngImageData(smaller).equals(pngImageData(png))).toBe(true);
    // CRC-32 of "IEND" with no data is the well-known AE 42 60 82
    expect([...smaller.subarray(-4)]).toEqual([0xae, 0x42, 0x60, 0x82]);
    expect(() => recompressPng(Buffer.from('GIF89a'))).toThrow('not a PNG');
  });
});
