import { residentByKind } from './smaps-by-kind';

const mapping = (start: number, end: number, path: string, rssKiB: number): string =>
  `${start.toString(16)}-${end.toString(16)} rw-p 00000000 00:00 0 ${path}\nSize: ${(end - start) / 1024} kB\nRss: ${rssKiB} kB\n`;

const MIB = 1024 * 1024;
const ARENA = 0x7f0000000000; // 64 MiB-aligned

describe('smaps by kind (where RSS goes that process.memoryUsage() does not say)', () => {
  it("tells V8's pages, glibc's arenas and malloc's mmaps apart", () => {
    const smaps = [
      mapping(0x400000, 0x400000 + 40 * MIB, '/usr/bin/node', 30 * 1024),
      mapping(0x3f000000, 0x3f000000 + 24 * MIB, '[heap]', 20 * 1024),
      mapping(ARENA, ARENA + 8 * MIB, '', 6 * 1024), // a thread arena's used part ...
      mapping(ARENA + 8 * MIB, ARENA + 64 * MIB, '', 0), // ... and its reserved rest
      mapping(0x7e0000040000, 0x7e0000040000 + 2 * MIB, '', 2 * 1024), // V8: 256 KiB-aligned
      mapping(0x7e0000101000, 0x7e0000101000 + 5 * 4096, '', 20), // malloc's mmap
    ].join('');
    expect(Object.fromEntries(residentByKind(smaps))).toEqual({
      'node binary': 30,
      '[heap] (glibc main arena)': 20,
      'glibc thread arenas': 6,
      'V8 pages (256 KiB-aligned)': 2,
      'other anonymous (malloc mmaps, stacks)': 20 / 1024,
    });
  });
});
