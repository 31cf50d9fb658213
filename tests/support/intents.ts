import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../../src-main/knowledge/schemas';

/** A workflow request of one analysis type for human GRCh38, paired-end, with `over` replacing fields. */
export function intentOf(kb: Knowledge, analysisType: string, over: Partial<Intent> = {}): Intent {
  return {
    request_kind: 'workflow',
    analysis_type: analysisType,
    organism: { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh38' },
    tissue: null,
    cell_type: null,
    data_type: kb.analysisTypeById.get(analysisType)!.data_type,
    read_layout: 'paired',
    strandedness: 'unknown',
    comparison: null,
    requested_tools: [],
    constraints: [],
    missing_information: [],
    confidence: 1,
    ...over,
  };
}
