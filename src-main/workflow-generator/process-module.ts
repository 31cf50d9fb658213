import type { Tool } from '../knowledge/schemas';
import { renderCommand, type RenderedCommand } from './command';
import { type DataKind, KIND_EXT, type ToolFlow } from './data-kinds';

export interface ProcessSpec {
  name: string;
  tool: Tool;
  flow: ToolFlow;
  /** whether the input channel carries [meta, files] tuples */
  tupleInput: boolean;
  paired: boolean;
}

const LABELS: [number, string][] = [
  [4, 'process_single'],
  [8, 'process_low'],
  [16, 'process_medium'],
];

function label(memoryGb: number): string {
  return LABELS.find(([max]) => memoryGb <= max)?.[1] ?? 'process_high';
}

function versionCommand(tool: Tool): string {
  const bin = tool.typical_command.split(/\s+/)[0]!.replace(/[{}]/g, '');
  return `${bin} --version 2>&1 | head -n 1`;
}

function outputPattern(flow: ToolFlow, produces: DataKind): string {
  return flow.output ?? `*${KIND_EXT[produces]}`;
}

/** One module file: a single process with input/output/emit, container, command line and versions.yml. */
export function renderProcessModule(spec: ProcessSpec): { text: string; command: RenderedCommand } {
  const { tool, flow } = spec;
  const perSample = spec.tupleInput && !flow.collect;
  const command = renderCommand(tool, flow.consumes, flow.produces, spec.paired);
  const inputVarName = flow.consumes === 'reads' ? 'reads' : flow.consumes === 'qc' ? 'qc_files' : flow.consumes;
  const inputs = [perSample ? `tuple val(meta), path(${inputVarName})` : `path ${inputVarName}`, ...command.references.map((r) => `path ${r}`)];
  const pattern = outputPattern(flow, flow.produces);
  const output = perSample
    ? `tuple val(meta), path("${pattern}"), emit: ${flow.produces}`
    : `path "${pattern}", emit: ${flow.produces}`;
  const lines = [
    `// ${tool.name}: ${tool.purpose}`,
    `process ${spec.name} {`,
    perSample ? '    tag "${meta.id}"' : `    tag "${tool.id}"`,
    `    label '${label(tool.memory_gb)}'`,
    `    container '${tool.container}'`,
    '',
    '    input:',
    ...inputs.map((i) => `    ${i}`),
    '',
    '    output:',
    `    ${output}`,
    '    path "versions.yml", emit: versions',
    '',
    '    script:',
    perSample ? '    def prefix = "${meta.id}"' : `    def prefix = "${tool.id}"`,
    '    """',
    `    ${command.script.replace(/\\/g, '\\\\').replace(/\$(?!\{)/g, '\\$')}`,
    '',
    '    cat <<-END_VERSIONS > versions.yml',
    '    "${task.process}":',
    `        ${tool.id}: \\$(${versionCommand(tool)})`,
    '    END_VERSIONS',
    '    """',
    '}',
    '',
  ];
  return { text: lines.join('\n'), command };
}
