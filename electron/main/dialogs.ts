import { BrowserWindow, Notification, dialog, shell } from 'electron';
import type { DesktopDialogs } from './context';

/** The system's save and open dialogs ("Back up now…", "Restore…") and desktop notifications. */
export const desktopDialogs: DesktopDialogs = {
  async chooseSaveFile({ title, defaultName, extension }) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title, defaultPath: defaultName, filters: [{ name: 'Coopdesk backup', extensions: [extension] }] };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseOpenFile({ title, extension }) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title, properties: ['openFile' as const], filters: [{ name: 'Coopdesk backup', extensions: [extension] }] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  },
  notify({ title, body }) {
    if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
  },
  async openPath(file) {
    const failure = await shell.openPath(file);
    if (failure) throw new Error(failure);
  },
};
