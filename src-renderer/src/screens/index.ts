import type { ComponentType } from 'react';
import type { Screen } from '../state/nav';
import { ReviewScreen } from './CurateTestSet';
import { Dashboard } from './Dashboard';
import { Evaluate } from './Evaluate';
import { Export } from './Export';
import { Generate } from './Generate';
import { Playground } from './Playground';
import { Settings } from './Settings';
import { Splits } from './Splits';

/** Screen components by name; each screen lives in its own file. */
export const screenComponents: Record<Screen, ComponentType> = {
  dashboard: Dashboard,
  generate: Generate,
  review: ReviewScreen,
  playground: Playground,
  splits: Splits,
  export: Export,
  evaluate: Evaluate,
  settings: Settings,
};
