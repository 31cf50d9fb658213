/** BrowserWindow options of the desktop app; a plain module (no electron import) so tests can check them. */
export function windowOptions(preloadPath: string) {
  return {
    width: 1400,
    height: 900,
    show: false,
    backgroundColor: '#0f1419',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}
