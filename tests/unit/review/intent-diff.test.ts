import { describe, expect, it } from 'vitest';
import { diffIntents, normalizeToken } from '../../../src-main/review/intent-diff';
import type { Intent } from '../../../src-preload/schemas/intent';

const base: Intent = {
  request_kind: 'workflow',
  analysis_type: 'rna_seq_de',
  organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' },
  tissue: 'liver',
  cell_type: null,
  data_type: 'rna_seq',
  read_layout: 'paired',
  strandedness: 'unknown',
  comparison: { groups: ['treated', 'control'], description: 'treated vs control' },
  requested_tools: ['salmon', 'deseq2'],
  constraints: [],
  missing_information: [],
  confidence: 0.9,
};

describe('diffIntents', () => {
  it('ignores cosmetic differences: case, hyphens, order of lists and groups, genome build of the same organism', () => {
    const other: Intent = {
      ...base,
      tissue: 'Liver',
      organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm38' },
      comparison: { groups: ['Control', 'treated'], description: 'control versus treated' },
      requested_tools: ['deseq2', 'salmon'],
      confidence: 0.4,
    };
    expect(diffIntents(base, other).mismatches).toBe(0);
    expect(normalizeToken(' Paired-End ')).toBe('paired');
    expect(normalizeToken('Wild-type')).toBe(normalizeToken('wildtype'));
    expect(normalizeToken('Tumour')).toBe('tumor');
    const british: Intent = { ...base, tissue: 'tumour', comparison: { groups: ['KO', 'wild-type'], description: 'KO vs wild-type' } };
    const american: Intent = { ...base, tissue: 'tumor', comparison: { groups: ['knockout', 'wildtype'], description: 'knockout vs wildtype' } };
    expect(diffIntents(british, american).mismatches).toBe(0);
  });

  it('reports changed, added and removed fields with list additions and removals', () => {
    const other: Intent = { ...base, analysis_type: 'scrna_seq', tissue: null, cell_type: 't cells', requested_tools: ['salmon', 'edger'] };
    const d = diffIntents(base, other);
    expect(d.mismatches).toBe(4);
    const by = Object.fromEntries(d.fields.map((f) => [f.field, f]));
    expect(by.analysis_type!.status).toBe('changed');
    expect(by.tissue!.status).toBe('removed');
    expect(by.cell_type!.status).toBe('added');
    expect(by.requested_tools).toMatchObject({ status: 'changed', added: ['edger'], removed: ['deseq2'] });
    expect(by.strandedness!.status).toBe('same');
  });
});
