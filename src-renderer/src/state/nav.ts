import { create } from 'zustand';

export const SCREENS = ['dashboard', 'generate', 'review', 'playground', 'splits', 'export', 'evaluate', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

interface NavState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'dashboard',
  go: (screen) => set({ screen }),
}));
