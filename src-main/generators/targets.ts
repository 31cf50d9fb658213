// The targets are shared with the renderer (src-preload/schemas/plan-targets.ts); re-exported for main's modules.
export { GENERATED_KINDS, type GeneratedKind, TARGETS } from '../../src-preload/schemas/plan-targets';
