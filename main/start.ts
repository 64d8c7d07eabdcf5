/**
 * `npm start`: opens the Electron window where Electron is installed,
 * otherwise explains how to use the web host. Arguments are passed on
 * (`npm start -- --data-dir DIR --config FILE`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { formatMessage } from './contract/messages';

function electronBinary(): string | null {
  try {
    // In plain Node the electron package exports the path of its binary, and
    // throws when the binary was never downloaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binary = require('electron') as unknown;
    return typeof binary === 'string' ? binary : null;
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
