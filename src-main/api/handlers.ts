import { bundleHandlers } from './bundle-handlers';
import { coreHandlers } from './core-handlers';
import { curateHandlers } from './curate-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { datasetHandlers } from './dataset-handlers';
import { exportSettingsHandlers } from './export-settings-handlers';
import { modelEvalHandlers } from './model-eval-handlers';
import { playgroundHandlers } from './playground-handlers';
import { reviewHandlers } from './review-handlers';
import type { Handlers } from './types';

/**
 * Every part's handlers, merged. Each part owns one `*-handlers.ts` file and adds it here. `satisfies
 * Handlers` makes a channel without a handler (or a handler of the wrong shape) a compile error.
 */
export const allHandlers = {
  ...coreHandlers,
  ...dashboardHandlers,
  ...datasetHandlers,
  ...playgroundHandlers,
  ...reviewHandlers,
  ...curateHandlers,
  ...bundleHandlers,
  ...modelEvalHandlers,
  ...exportSettingsHandlers,
} satisfies Handlers;
