/** Channels of the bundle part; filled in by its owner. */
export const bundleChannels = {};
