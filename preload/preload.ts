/**
 * The preload bridge: exposes exactly one function to the renderer, which
 * forwards an API call to the main process. Names are checked against the
 * contract here as well, so the renderer cannot reach any other IPC channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse } from '../main/contract/api';
import { isApiName, type ApiName } from '../main/contract/names';

export const apiChannel = 'oke-lokaal:api';

contextBridge.exposeInMainWorld('okeLokaal', {
  invoke(name: string, input: unknown): Promise<ApiResponse<ApiName>> {
    if (!isApiName(name)) return Promise.reject(new Error(`unknown API operation: ${name}`));
    return ipcRenderer.invoke(apiChannel, name, input) as Promise<ApiResponse<ApiName>>;
  },
});
