import type { z } from 'zod';
import type { ChannelName, Contract } from '../../src-preload/contract';
import type { AppContext } from '../app/context';

export type Handler<C extends ChannelName> = (
  request: z.output<Contract[C]['request']>,
  ctx: AppContext,
) => z.input<Contract[C]['response']> | Promise<z.input<Contract[C]['response']>>;

/** A complete handler map: every contract channel, exactly once. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** One part's handlers (a `*-handlers.ts` file): a subset of the channels. */
export type PartHandlers = { [C in ChannelName]?: Handler<C> };
