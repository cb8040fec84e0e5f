import { BrowserWindow } from 'electron';

/**
 * The main window. Its options stay written out here, in the constructor call, so that
 * electronegativity (CI) reads them: the security settings are not negotiable.
 */
export function createMainWindow(preloadPath: string, page: { url: string } | { file: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Coopdesk',
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would open links in new windows, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if ('url' in page) void window.loadURL(page.url);
  else void window.loadFile(page.file);
  return window;
}

export function broadcast(channel: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }
}
