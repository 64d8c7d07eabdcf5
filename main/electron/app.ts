/**
 * Electron main process: one hardened window on the built screens, the API
 * table on IPC. Data directory and config come from `--data-dir` and
 * `--config`, defaulting to the OS's per-user app data folder.
 */
import { app, BrowserWindow, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../api/handlers';
import { openVenue, type Venue } from '../app/venue';
import { loadConfig } from '../config/config';
import { createFileLogger } from '../log/logger';
import { contentSecurityPolicy } from '../host/web';
import { registerIpc } from './ipc';

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const rendererDir = join(__dirname, '..', '..', 'renderer');
const rendererUrl = pathToFileURL(join(rendererDir, 'index.html')).toString();
const rendererPrefix = pathToFileURL(rendererDir).toString() + '/';
const isTrustedUrl = (url: string) => url === rendererUrl || url.startsWith(rendererPrefix);

let venue: Venue | null = null;

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'OKE Lokaal',
    webPreferences: {
      preload: join(__dirname, '..', '..', 'preload', 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });

  // No navigation away from the app and no new windows; external links go to the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(rendererUrl);
}

// Every renderer runs sandboxed, also any created later.
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  const dataDir = argument('data-dir') ?? join(app.getPath('userData'), 'data');
  const configFile = argument('config') ?? join(app.getPath('userData'), 'config.json');
  const log = createFileLogger(dataDir);
  const config = existsSync(configFile) ? loadConfig(configFile) : null;
  const language = process.env.OKE_LOKAAL_LANG === 'en' ? 'en' : 'nl';
  venue = openVenue({ dataDir, config, log, command: 'electron', language });

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  registerIpc(createHandlers(venue), { language, log, isTrustedUrl });
  createWindow();
  log.info({ dataDir }, 'electron window opened');
});

app.on('window-all-closed', () => {
  venue?.close();
  venue = null;
  app.quit();
});
