import { create } from 'zustand';

export const SCREENS = ['dashboard', 'generate', 'review', 'playground', 'splits', 'export', 'evaluate', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** `#/<screen>[/<item id>]`: the route kept in the URL so a reload returns to the same screen and item. */
export interface Route {
  screen: Screen;
  item: string | null;
}

export function parseRoute(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/(.+))?$/.exec(hash);
  const screen = (SCREENS as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as Screen) : 'dashboard';
  return { screen, item: m?.[2] ? decodeURIComponent(m[2]) : null };
}

/** The Review screen's item that opens the Curate test set queue (screens/CurateTestSet.tsx) instead of an example. */
export const CURATE_ROUTE = 'curate';

export const routeHash = (r: Route): string => `#/${r.screen}${r.item ? `/${encodeURIComponent(r.item)}` : ''}`;

interface NavState extends Route {
  /** another screen: a new history entry, so Back returns to the previous screen */
  go(screen: Screen, item?: string | null): void;
  /** the item shown on this screen changed: replaces the entry (Back does not step through items) */
  showItem(item: string | null): void;
}

const initial = typeof window === 'undefined' ? { screen: 'dashboard' as Screen, item: null } : parseRoute(window.location.hash);

export const useNav = create<NavState>((set, get) => ({
  ...initial,
  go: (screen, item = null) => {
    if (get().screen === screen && get().item === item) return;
    window.history.pushState(null, '', routeHash({ screen, item }));
    set({ screen, item });
  },
  showItem: (item) => {
    if (get().item === item) return;
    window.history.replaceState(null, '', routeHash({ screen: get().screen, item }));
    set({ item });
  },
}));

if (typeof window !== 'undefined') {
  // Back / Forward inside the app
  window.addEventListener('popstate', () => useNav.setState(parseRoute(window.location.hash)));
}
