/** Channels of the dashboard part; filled in by its owner. */
export const dashboardChannels = {};
