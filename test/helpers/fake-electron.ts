/**
 * A stand-in for the `electron` module: records what the main process asks of Electron so a
 * test can boot the built main process under Node and check its security settings.
 */
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  openedExternally: [] as string[],
  /** Files handed to the system's viewer; a path ending in 'missing' fails like a deleted file. */
  openedPaths: [] as string[],
  errors: [] as string[],
  userData: '',
  /** Where the stand-in save dialog "chooses" to save, and what its open dialog picks. */
  saveTo: '',
  notifications: [] as { title: string; body: string }[],
};

class FakeNotification {
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {}
  show() {
    recorded.notifications.push({ title: this.options.title, body: this.options.body });
  }
}

export const appEvents = new EventEmitter();

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return recorded.windows;
  }
  static getFocusedWindow() {
    return null;
  }
  loaded: { file?: string; url?: string } = {};
  sent: [string, unknown][] = [];
  webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]) };
  constructor(readonly options: Record<string, any>) {
    super();
    recorded.windows.push(this);
  }
  loadFile(file: string) {
    this.loaded.file = file;
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {}
}

export const electron = {
  app: {
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
    requestSingleInstanceLock: () => true,
    setName: () => {},
    getPath: () => recorded.userData,
    getAppPath: () => process.cwd(),
    quit: () => {},
  },
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      recorded.ipcHandlers.set(channel, listener);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => (recorded.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: Listener) => (recorded.permissionCheckHandler = h),
    },
  },
  shell: {
    openExternal: (url: string) => recorded.openedExternally.push(url),
    openPath: async (file: string) => {
      recorded.openedPaths.push(file);
      return existsSync(file) ? '' : 'Failed to open path';
    },
  },
  dialog: {
    showErrorBox: (_title: string, message: string) => recorded.errors.push(message),
    showSaveDialog: async () => ({ canceled: false, filePath: recorded.saveTo }),
    showOpenDialog: async () => ({ canceled: false, filePaths: [recorded.saveTo] }),
  },
};

/** A web contents as Electron hands it to 'web-contents-created'. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}
