/** Channels of the review part; filled in by its owner. */
export const reviewChannels = {};
