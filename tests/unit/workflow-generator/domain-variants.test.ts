import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

/** The generated project for a request text and its intent, with the tools the selector picks for that text. */
function project(analysisType: string, text: string, over: Partial<Intent> = {}): Record<string, string> {
  const i = intentOf(kb, analysisType, over);
  return generateWorkflow(i, selectTools(i, kb, text), kb, { text }).files;
}

const scriptOf = (module: string) => module.slice(module.indexOf('    script:'), module.indexOf('    stub:'));

describe('single-nucleus RNA-seq counts introns (request_focus single_nucleus)', () => {
  it('STARsolo: --soloFeatures GeneFull, and the declared, gzipped and stubbed matrix folder is Solo.out/GeneFull/filtered', () => {
    const star = project('scrna_seq', 'snRNA-seq of frozen human brain nuclei, 10x 3prime v3')['modules/starsolo/main.nf']!;
    expect(scriptOf(star)).toContain(' --soloFeatures GeneFull --outSAMtype None --outFileNamePrefix ${meta.id}. ${args}\n    gzip ${meta.id}.Solo.out/GeneFull/filtered/*\n');
    expect(star).toContain('    tuple val(meta), path("${meta.id}.Solo.out/GeneFull/filtered"), emit: sc_matrix\n');
    expect(star).toContain('    mkdir -p ${meta.id}.Solo.out/GeneFull/filtered\n');
    expect(star).not.toContain('/Gene/');
  });

  it('whole cells keep exon-only Gene counts', () => {
    const star = project('scrna_seq', 'single-cell RNA-seq of human PBMCs, 10x 3prime v3')['modules/starsolo/main.nf']!;
    expect(scriptOf(star)).toContain(' --soloFeatures Gene --outSAMtype None');
    expect(star).toContain('path("${meta.id}.Solo.out/Gene/filtered"), emit: sc_matrix');
  });

  it('Cell Ranger on nuclei includes introns explicitly', () => {
    const text = 'single-nucleus RNA-seq of mouse heart with Cell Ranger';
    const cr = project('scrna_seq', text, { requested_tools: ['cellranger'] })['modules/cellranger/main.nf']!;
    expect(scriptOf(cr)).toContain('--create-bam=false --include-introns=true --localcores=${task.cpus}');
    expect(scriptOf(project('scrna_seq', 'scRNA-seq of mouse heart with Cell Ranger', { requested_tools: ['cellranger'] })['modules/cellranger/main.nf']!)).not.toContain('--include-introns');
  });
});
