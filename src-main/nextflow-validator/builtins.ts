/** Names defined everywhere in a Nextflow script (lowercase; Capitalized names are treated as types/classes). */
export const BUILTIN_NAMES = new Set([
  'params', 'workflow', 'nextflow', 'launchDir', 'projectDir', 'baseDir', 'moduleDir', 'workDir', 'secrets', 'task',
  'channel', 'log', 'file', 'files', 'path', 'tuple', 'val', 'env', 'stdin', 'stdout', 'eval', 'println', 'print',
  'printf', 'error', 'exit', 'sleep', 'branchCriteria', 'multiMapCriteria', 'groupKey', 'sendMail', 'it', 'this',
  'true', 'false', 'null', 'checkIfExists', 'each', 'sprintf', 'template', 'record', 'env', 'topic', 'fromPath',
  'assert', 'System', 'groovy', 'java', 'javax', 'org', 'com', 'args', 'session', 'signature', 'manifest', 'empty', 'meta', 'super', 'binding', 'getClass',
]);

export const DIRECTIVES = new Set([
  'accelerator', 'afterScript', 'arch', 'array', 'beforeScript', 'cache', 'clusterOptions', 'conda', 'container',
  'containerOptions', 'cpus', 'debug', 'disk', 'echo', 'errorStrategy', 'executor', 'ext', 'fair', 'label',
  'machineType', 'maxSubmitAwait', 'maxErrors', 'maxForks', 'maxRetries', 'memory', 'module', 'penv', 'pod',
  'publishDir', 'queue', 'resourceLabels', 'resourceLimits', 'scratch', 'secret', 'shell', 'spack', 'stageInMode',
  'stageOutMode', 'storeDir', 'tag', 'time',
]);

export const INPUT_QUALIFIERS = new Set(['val', 'path', 'file', 'env', 'stdin', 'tuple', 'each']);
export const OUTPUT_QUALIFIERS = new Set(['val', 'path', 'file', 'env', 'stdout', 'tuple', 'eval']);
export const OUTPUT_OPTIONS = new Set(['emit', 'optional', 'topic', 'arity', 'includeInputs', 'hidden', 'maxDepth', 'type', 'followLinks', 'glob']);
export const INPUT_OPTIONS = new Set(['stageAs', 'arity', 'name']);

export const PROCESS_SECTIONS = ['', 'input', 'output', 'topic', 'when', 'script', 'shell', 'exec', 'stub'] as const;

/** The two section orders nf-lang 25.10's grammar accepts (shell:/exec: count as script:); the first is the usual one. */
export const PROCESS_SECTION_ORDERS = [
  ['input', 'output', 'topic', 'when', 'script', 'stub'],
  ['input', 'when', 'script', 'stub', 'output', 'topic'],
] as const;
export const WORKFLOW_SECTIONS = ['take', 'main', 'emit', 'publish', 'onComplete', 'onError'] as const;

/** Names nf-lang marks @Constant in ScriptDsl (25.10): assigning to them is an error. */
export const BUILTIN_CONSTANTS = new Set(['channel', 'log', 'nextflow', 'workflow', 'baseDir', 'launchDir', 'moduleDir', 'projectDir', 'secrets', 'workDir']);

/** Feature flags nf-lang 25.10 knows (FeatureFlagDsl); any other `nextflow.enable.*` / `nextflow.preview.*` is an error. */
export const FEATURE_FLAGS = new Set([
  'nextflow.enable.configProcessNamesValidation', 'nextflow.enable.dsl', 'nextflow.enable.moduleBinaries', 'nextflow.enable.strict',
  'nextflow.preview.recursion', 'nextflow.preview.types',
]);

/** Channel operators: on the right of a pipe (`ch | map { ... }`) they name an operator, not a variable. */
export const CHANNEL_OPERATORS = new Set([
  'branch', 'buffer', 'collate', 'collect', 'collectFile', 'combine', 'concat', 'count', 'countFasta', 'countFastq', 'countJson',
  'countLines', 'cross', 'distinct', 'dump', 'filter', 'first', 'flatMap', 'flatten', 'groupTuple', 'ifEmpty', 'join', 'last', 'map',
  'max', 'merge', 'min', 'mix', 'multiMap', 'randomSample', 'reduce', 'set', 'splitCsv', 'splitFasta', 'splitFastq', 'splitJson',
  'splitText', 'subscribe', 'sum', 'take', 'tap', 'toInteger', 'toList', 'toSortedList', 'transpose', 'unique', 'until', 'view',
]);
