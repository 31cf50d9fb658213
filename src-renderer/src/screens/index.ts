import type { ComponentType } from 'react';
import type { Screen } from '../state/nav';
import { Placeholder } from './Placeholder';
import { Review } from './Review';

/** Screen components by name; each screen lives in its own file. */
export const screenComponents: Record<Screen, ComponentType> = {
  dashboard: Placeholder,
  generate: Placeholder,
  review: Review,
  playground: Placeholder,
  splits: Placeholder,
  export: Placeholder,
  settings: Placeholder,
};
