import type { Intent } from '../../src-preload/schemas/intent';
import type { ResolvedProcess } from '../knowledge/process-schema';
import type { Tool } from '../knowledge/schemas';
import type { ScaledResources } from './data-size';

/** Resources per label (nf-core's defaults) for a first attempt, and the caps a low-memory machine gets. */
const LABELS: [string, number, number, number][] = [
  ['process_single', 1, 6, 4],
  ['process_low', 2, 12, 4],
  ['process_medium', 6, 36, 8],
  ['process_high', 12, 72, 16],
];
const LOW_MEMORY_GB = 16;

export interface ConfiguredProcess {
  name: string;
  tool: Tool;
  process: ResolvedProcess;
  analysisType: string;
  /** the request's focuses (RRBS): a focus's ext.args come before the analysis type's */
  focuses?: readonly string[];
  /** the reads come from a two-colour instrument: the process's two_colour.args join its ext.args */
  twoColour?: boolean;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Container engines the constraints leave: no Docker (or Singularity or Apptainer named) drops the docker profile. */
export function profilesFor(intent: Intent): string[] {
  const c = new Set(intent.constraints);
  const noDocker = c.has('no_docker') || c.has('singularity') || c.has('apptainer') || c.has('hpc');
  return [...(noDocker ? [] : ['docker']), 'singularity', 'apptainer', 'conda'];
}

/**
 * The profile a user runs with first: the engine asked for (Conda, Apptainer: Nextflow's own `apptainer`
 * scope, not the singularity one), Singularity on a machine without Docker, else Docker.
 */
export function defaultProfile(intent: Intent): string {
  const c = new Set(intent.constraints);
  if (c.has('conda')) return 'conda';
  if (c.has('apptainer')) return 'apptainer';
  return profilesFor(intent)[0]!;
}

/**
 * nextflow.config: publishDir, resources per label (capped under low_memory), task.ext.args per process,
 * GPU settings under the gpu constraint, and one profile per container engine the constraints allow.
 */
export function renderConfig(intent: Intent, processes: ConfiguredProcess[], scaled: readonly ScaledResources[] = []): string {
  const c = new Set(intent.constraints);
  const lowMemory = c.has('low_memory');
  const gpu = c.has('gpu');
  const lines = [
    `// Run with: nextflow run main.nf -profile ${defaultProfile(intent)}${lowMemory ? ` (sized for a machine with ${LOW_MEMORY_GB} GB of memory)` : ''}`,
    'process {',
    "    publishDir = [path: { \"${params.outdir}/${task.process.tokenize(':')[-1].toLowerCase()}\" }, mode: 'copy']",
    '    errorStrategy = { task.exitStatus in [104, 134, 137, 139, 143] ? \'retry\' : \'finish\' }',
    '    maxRetries = 1',
    // a retry after exit 137 (out of memory) or 143 (time limit) gets more of both, as nf-core's base.config gives,
    // up to the machine's limits (resourceLimits, Nextflow 24.04+: nf-core's template values, or the low-memory machine)
    lowMemory ? `    resourceLimits = [cpus: 4, memory: ${LOW_MEMORY_GB}.GB, time: 24.h]` : '    resourceLimits = [cpus: 16, memory: 128.GB, time: 240.h]',
  ];
  for (const [label, cpus, mem, hours] of LABELS) {
    const memory = lowMemory ? Math.min(mem, LOW_MEMORY_GB) : mem;
    lines.push(
      `    withLabel: '${label}' {`,
      `        cpus = ${lowMemory ? Math.min(cpus, 4) : cpus}`,
      `        memory = { ${memory}.GB * task.attempt }`,
      `        time = { ${hours}.h * task.attempt }`,
      '    }',
    );
  }
  for (const p of processes) {
    const byFocus = (p.focuses ?? []).map((f) => p.process.ext_args[f]).find((a) => a !== undefined);
    const base = byFocus ?? p.process.ext_args[p.analysisType] ?? p.process.ext_args.default ?? '';
    const args = [base, p.twoColour ? p.process.two_colour?.args : undefined].filter(Boolean).join(' ');
    const gpuContainer = gpu ? p.process.gpu_container : undefined;
    // a tool whose needs scale with the data is sized for it (data-size.ts: the tool's documented figures), not by its label
    const size = p.name === p.tool.id.toUpperCase() ? scaled.find((r) => r.tool === p.tool.id) : undefined;
    if (!args && !gpuContainer && !size) continue;
    lines.push(`    withName: '${p.name}' {`);
    if (args) lines.push(`        ext.args = ${quote(args)}`);
    if (gpuContainer) lines.push(`        container = ${quote(gpuContainer)}`, '        accelerator = 1');
    if (size) {
      lines.push(`        // sized for ${size.data}: ${size.needGb} GB${size.cpuHours !== null ? ` and about ${size.cpuHours} CPU hours` : ''} (${size.source})`);
      if (size.hours !== null) lines.push(`        cpus = ${size.cpus}`);
      lines.push(`        memory = { ${size.memoryGb}.GB * task.attempt }`);
      if (size.hours !== null) lines.push(`        time = { ${size.hours}.h * task.attempt }`);
    }
    lines.push('    }');
  }
  lines.push('}', '', 'profiles {');
  const profiles = profilesFor(intent);
  const gpuDocker = gpu ? ' --gpus all' : '';
  if (profiles.includes('docker'))
    lines.push('    docker {', '        docker.enabled = true', `        docker.runOptions = '-u $(id -u):$(id -g)${gpuDocker}'`, '    }');
  lines.push(
    '    singularity {',
    '        singularity.enabled = true',
    '        singularity.autoMounts = true',
    ...(gpu ? ["        singularity.runOptions = '--nv'"] : []),
    '    }',
    '    apptainer {',
    '        apptainer.enabled = true',
    '        apptainer.autoMounts = true',
    ...(gpu ? ["        apptainer.runOptions = '--nv'"] : []),
    '    }',
    '    conda {',
    '        conda.enabled = true',
    "        conda.channels = ['conda-forge', 'bioconda']",
    '    }',
    '}',
    '',
  );
  return lines.join('\n');
}
