// Builds the app into dist/: tsc for the Node side (main, db, preload, test
// counterpart), esbuild for the renderer and preload bundles, then copies
// static assets.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// The renderer is bundled by esbuild below, which does not check types.
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.renderer.json')], { stdio: 'inherit' });

cpSync(join(root, 'main', 'oke', 'spec'), join(dist, 'main', 'oke', 'spec'), { recursive: true });

mkdirSync(join(dist, 'renderer'), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'renderer', 'index.tsx')],
  bundle: true,
  outfile: join(dist, 'renderer', 'app.js'),
  format: 'iife',
  platform: 'browser',
  target: ['chrome120'],
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
// A sandboxed preload cannot require other files, so it is bundled into one.
await esbuild.build({
  entryPoints: [join(root, 'preload', 'preload.ts')],
  bundle: true,
  outfile: join(dist, 'preload', 'preload.js'),
  format: 'cjs',
  platform: 'node',
  external: ['electron'],
  target: ['node20'],
  logLevel: 'warning',
});

cpSync(join(root, 'renderer', 'index.html'), join(dist, 'renderer', 'index.html'));
cpSync(join(root, 'renderer', 'styles.css'), join(dist, 'renderer', 'styles.css'));
