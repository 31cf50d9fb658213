import type { PartHandlers } from './types';

export const exportSettingsHandlers = {
  'exportSettings.get': (_req, ctx) => ({ license: ctx.settings.exportSettings().license }),
  'exportSettings.set': (req, ctx) => {
    ctx.settings.set('export', { ...ctx.settings.exportSettings(), license: req.license });
    return { license: ctx.settings.exportSettings().license };
  },
} satisfies PartHandlers;
