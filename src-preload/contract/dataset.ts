/** Channels of the dataset part; filled in by its owner. */
export const datasetChannels = {};
