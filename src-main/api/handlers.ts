import { coreHandlers } from './core-handlers';
import { playgroundHandlers } from './playground-handlers';
import { reviewHandlers } from './review-handlers';
import type { Handlers } from './types';

/** Every part's handlers, merged. Each part owns one `*-handlers.ts` file and adds it here. */
export const allHandlers: Handlers = {
  ...coreHandlers,
  ...playgroundHandlers,
  ...reviewHandlers,
};
