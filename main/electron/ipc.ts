import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../api/handlers';
import { invokeApi } from '../api/invoke';
import type { Language } from '../contract/messages';
import type { Logger } from '../log/logger';

/** Same channel name as in preload/preload.ts, which cannot import this file. */
const apiChannel = 'oke-lokaal:api';

/**
 * Registers the API table on one IPC channel. Only frames loaded from the
 * app's own files may call it; input validation happens in invokeApi.
 */
export function registerIpc(handlers: Handlers, options: { language: Language; log: Logger; isTrustedUrl: (url: string) => boolean }): void {
  ipcMain.handle(apiChannel, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!options.isTrustedUrl(senderUrl)) {
      options.log.warn({ senderUrl }, 'IPC call from an untrusted frame rejected');
      throw new Error('untrusted sender');
    }
    return invokeApi(handlers, typeof name === 'string' ? name : '', input, { language: options.language, log: options.log });
  });
}
