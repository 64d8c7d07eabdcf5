/**
 * `npm start`: opens the Electron window where Electron is installed,
 * otherwise explains how to use the web host. Arguments are passed on
 * (`npm start -- --data-dir DIR --config FILE`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatMessage } from './contract/messages';

/**
 * Finds the Electron binary that `npm ci` downloaded, or returns null. It
 * reads the package's path.txt itself, because `require('electron')` starts
 * a download when the binary is missing (electron 45), which would hang on a
 * machine without internet access.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const language = process.env.OKE_LOKAAL_LANG === 'en' ? 'en' : 'nl';
if (!binary) {
  process.stderr.write(`${formatMessage('start.noElectron', {}, language)}\n`);
  process.exitCode = 1;
} else {
  const child = spawn(binary, [join(__dirname, 'electron', 'app.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 1;
  });
}
