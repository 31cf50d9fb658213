/** Channels of the playground part; filled in by its owner. */
export const playgroundChannels = {};
