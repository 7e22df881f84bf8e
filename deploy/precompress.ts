/**
 * Vite plugin: writes a `.br` and a `.gz` beside every compressible file of the build, at
 * maximum compression, so a web server sends them as they are (nginx `brotli_static` /
 * `gzip_static`) instead of compressing on every request at a lower level.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map']);
// Below this a response fits in one packet either way; nginx compresses such files on the fly.
const MIN_BYTES = 512;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses the files under `dir`; returns the paths written. */
export async function precompressDir(dir: string): Promise<string[]> {
  const jobs: Promise<string[]>[] = [];
  for await (const file of files(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    jobs.push(
      readFile(file).then(async (raw) => {
        if (raw.length < MIN_BYTES) return [];
        const [br, gzipped] = await Promise.all([
          brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gz(raw, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        return [`${file}.br`, `${file}.gz`];
      }),
    );
  }
  return (await Promise.all(jobs)).flat();
}

export function precompress(): Plugin {
  let outDir = 'dist';
  let log: (msg: string) => void = () => {};
  return {
    name: 'aries-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (msg) => config.logger.info(msg);
    },
    // After every file, public/ included, is on disk.
    async closeBundle() {
      const written = await precompressDir(outDir);
      log(`precompressed ${written.length / 2} files (.br, .gz)`);
    },
  };
}
