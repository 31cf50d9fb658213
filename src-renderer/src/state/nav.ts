import { create } from 'zustand';
import { type ExampleFilter, ExampleFilterSchema } from '../../../src-preload/contract/core';

export const SCREENS = ['dashboard', 'generate', 'review', 'playground', 'splits', 'export', 'evaluate', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/**
 * `#/<screen>[/<item id>][?filter=<json>]`: the route kept in the URL so a reload returns to the same screen,
 * item and queue filter (another screen can open Review on a filter, e.g. the examples a build left out).
 */
export interface Route {
  screen: Screen;
  item: string | null;
  filter: ExampleFilter | null;
}

function parseFilter(query: string | undefined): ExampleFilter | null {
  if (!query) return null;
  const raw = new URLSearchParams(query).get('filter');
  if (!raw) return null;
  try {
    const parsed = ExampleFilterSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/([^?]+))?(?:\?(.*))?$/.exec(hash);
  const screen = (SCREENS as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as Screen) : 'dashboard';
  return { screen, item: m?.[2] ? decodeURIComponent(m[2]) : null, filter: parseFilter(m?.[3]) };
}

/** The Review screen's item that opens the Curate test set queue (screens/CurateTestSet.tsx) instead of an example. */
export const CURATE_ROUTE = 'curate';

export const routeHash = (r: Route): string =>
  `#/${r.screen}${r.item ? `/${encodeURIComponent(r.item)}` : ''}${r.filter ? `?${new URLSearchParams({ filter: JSON.stringify(r.filter) })}` : ''}`;

interface NavState extends Route {
  /** another screen: a new history entry, so Back returns to the previous screen */
  go(screen: Screen, item?: string | null, filter?: ExampleFilter | null): void;
  /** the item shown on this screen changed: replaces the entry (Back does not step through items) */
  showItem(item: string | null): void;
  /**
   * This screen's filter changed: a new queue, so no item yet. A new history entry (Back restores the
   * previous filter), or with `replace` the same entry (the next letters of a search being typed).
   */
  setFilter(filter: ExampleFilter | null, replace?: boolean): void;
}

const initial: Route = typeof window === 'undefined' ? { screen: 'dashboard', item: null, filter: null } : parseRoute(window.location.hash);

export const useNav = create<NavState>((set, get) => ({
  ...initial,
  go: (screen, item = null, filter = null) => {
    const now = get();
    if (now.screen === screen && now.item === item && JSON.stringify(now.filter) === JSON.stringify(filter)) return;
    window.history.pushState(null, '', routeHash({ screen, item, filter }));
    set({ screen, item, filter });
  },
  showItem: (item) => {
    if (get().item === item) return;
    window.history.replaceState(null, '', routeHash({ screen: get().screen, item, filter: get().filter }));
    set({ item });
  },
  setFilter: (filter, replace = false) => {
    if (JSON.stringify(get().filter) === JSON.stringify(filter)) return;
    const hash = routeHash({ screen: get().screen, item: null, filter });
    if (replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    set({ item: null, filter });
  },
}));

if (typeof window !== 'undefined') {
  // Back / Forward inside the app
  window.addEventListener('popstate', () => useNav.setState(parseRoute(window.location.hash)));
}
