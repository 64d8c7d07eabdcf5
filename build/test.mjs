// Runs the test suites with Node's test runner. Usage: node build/test.mjs [unit|integration|e2e]...
// Builds first, because the integration and end-to-end tests start the compiled CLI;
// a full run (no suite named) also lints.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];

execFileSync(process.execPath, [join(root, 'build', 'build.mjs')], { stdio: 'inherit' });
if (process.argv.slice(2).length === 0) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], { cwd: root, stdio: 'inherit' });
}

const files = suites.flatMap((suite) =>
  readdirSync(join(root, 'test', suite))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join('test', suite, name)),
);

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
