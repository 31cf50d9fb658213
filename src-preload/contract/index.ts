import type { z } from 'zod';
import { bundleChannels } from './bundle';
import type { Channel } from './channel';
import { coreChannels } from './core';
import { curateChannels } from './curate';
import { dashboardChannels } from './dashboard';
import { datasetChannels } from './dataset';
import { exportSettingsChannels } from './export-settings';
import { modelEvalChannels } from './model-eval';
import { playgroundChannels } from './playground';
import { reviewChannels } from './review';

/** The whole typed API: channel name -> request/response zod schemas. Used by IPC, preload, bridge and renderer. */
export const contract = {
  ...coreChannels,
  ...dashboardChannels,
  ...reviewChannels,
  ...curateChannels,
  ...playgroundChannels,
  ...datasetChannels,
  ...bundleChannels,
  ...modelEvalChannels,
  ...exportSettingsChannels,
} satisfies Record<string, Channel>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

export type { BiotrainApi } from './api';
export type { ApiEnvelope, ApiFailure, ApiSuccess } from './envelope';

export { AppEventSchema } from './core';
export type { AppEvent } from './core';
