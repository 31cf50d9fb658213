import { create } from 'zustand';
import type { SplitConfig } from '../../../src-preload/schemas/build';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';

/** The split settings chosen on the Splits screen, used by the build started on the Export screen. */
interface BuildConfigState {
  splitConfig: SplitConfig;
  setSplitConfig(c: SplitConfig): void;
}

export const useBuildConfig = create<BuildConfigState>((set) => ({
  splitConfig: DEFAULT_SPLIT_CONFIG,
  setSplitConfig: (splitConfig) => set({ splitConfig }),
}));
