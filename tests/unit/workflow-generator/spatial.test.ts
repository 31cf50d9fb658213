import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();
const files = projectFor(
  kb,
  intentOf(kb, 'spatial_transcriptomics', { read_layout: 'paired', requested_tools: ['squidpy', 'seurat', 'scanpy'] }),
  'Visium spatial transcriptomics of human breast tumour sections with Squidpy, Seurat and Scanpy',
);

describe('spatial transcriptomics: each sample brings its own tissue image, slide and capture area', () => {
  it('main.nf reads a sample sheet (sample,fastq_1,fastq_2,image,slide,area) and stages each image in its sample tuple', () => {
    const main = files['main.nf']!;
    expect(main).toContain("params.input = 'samplesheet.csv' // columns sample,fastq_1,fastq_2,image,slide,area\n");
    expect(main).not.toContain('params.reads');
    expect(main).not.toContain('params.tissue_image');
    expect(main).toContain(
      [
        '    ch_samples = channel.fromPath(params.input, checkIfExists: true)',
        '        .splitCsv(header: true)',
        '        .map { row -> [[id: row.sample, single_end: false, slide: row.slide, area: row.area], [file(row.fastq_1, checkIfExists: true), file(row.fastq_2, checkIfExists: true)], file(row.image, checkIfExists: true)] }',
        '    ch_reads = ch_samples.map { meta, reads, image -> [meta, reads] }',
        '    ch_tissue_image = ch_samples.map { meta, reads, image -> [meta, image] }',
        '    SPATIAL_TRANSCRIPTOMICS(ch_reads, ch_tissue_image)',
      ].join('\n'),
    );
    expect(main).toContain('    take:\n    reads // channel: [ meta, reads ]\n    tissue_image // channel: [ meta, image ]\n');
    expect(main).toContain('    SPACERANGER(reads.join(tissue_image), file(params.spaceranger_reference, checkIfExists: true))\n');
  });

  it('Space Ranger gets the sample own image and --slide/--area, or --unknown-slide with the slide type when the area is blank', () => {
    const m = files['modules/spaceranger/main.nf']!;
    expect(m).toContain('    tuple val(meta), path(reads), path(image)\n    path spaceranger_reference\n');
    expect(m).toContain('    def slide_args = meta.area ? "--slide=${meta.slide} --area=${meta.area}" : "--unknown-slide=${meta.slide}"\n');
    expect(scriptOf(m)).toContain(
      '    spaceranger count --id=${meta.id} --transcriptome=${spaceranger_reference} --fastqs=fastqs --sample=${meta.id} --image=${image} ${slide_args} --create-bam=false --localcores=${task.cpus} --localmem=${task.memory.toGiga()} ${args}\n',
    );
  });

  it('Seurat, Scanpy and Squidpy load the spots with their coordinates, scale factors and image, and filter spots, not cells', () => {
    const seurat = files['modules/seurat/templates/seurat_spatial.R']!;
    expect(seurat).toContain(
      [
        'counts <- Read10X(file.path("${spatial}", "filtered_feature_bc_matrix"))',
        'spots <- CreateSeuratObject(counts = counts, project = "${meta.id}", assay = "Spatial")',
        'image <- Read10X_Image(image.dir = file.path("${spatial}", "spatial"), filter.matrix = TRUE)',
        'image <- image[Cells(spots)]',
        'DefaultAssay(image) <- "Spatial"',
        'spots[["${meta.id}"]] <- image',
      ].join('\n'),
    );
    expect(seurat).toContain('spots <- subset(spots, subset = nCount_Spatial >= 500 & nFeature_Spatial >= 250)\n');
    expect(seurat).toContain('spots <- SCTransform(spots, assay = "Spatial")\n');
    expect(seurat).toContain('selection.method = "markvariogram"');
    expect(seurat).not.toMatch(/percent\.mt < |nFeature_RNA|nFeature_Spatial < /);
    const scanpy = files['modules/scanpy/templates/scanpy_spatial.py']!;
    expect(scanpy).toContain('adata = sc.read_visium("${spatial}", count_file="filtered_feature_bc_matrix.h5")\n');
    expect(scanpy).toContain('sc.pp.filter_cells(adata, min_counts=500)\nsc.pp.filter_cells(adata, min_genes=250)\n');
    expect(scanpy).toContain('sc.pl.spatial(adata, color=["leiden", "total_counts", "pct_counts_mt"], show=False, save=False)\nplt.savefig("${meta.id}.scanpy.spatial.pdf", bbox_inches="tight")\n');
    expect(scanpy).not.toMatch(/read_10x_mtx|pct_counts_mt"\] </);
    const squidpy = files['modules/squidpy/templates/squidpy_analysis.py']!;
    expect(squidpy).toContain('adata = sq.read.visium("${spatial}")\n');
    expect(squidpy).toContain('sc.pp.filter_cells(adata, min_counts=500)\nsc.pp.filter_cells(adata, min_genes=250)\n');
    expect(files['main.nf']).toContain('    SEURAT(SPACERANGER.out.spatial_outs)\n');
    expect(files['main.nf']).toContain('    SCANPY(SPACERANGER.out.spatial_outs)\n');
  });

  it('Squidpy writes marker genes per spatial cluster and spatial plots, declared and stubbed', () => {
    const squidpy = files['modules/squidpy/templates/squidpy_analysis.py']!;
    expect(squidpy).toContain('sc.tl.rank_genes_groups(adata, "leiden", method="wilcoxon")\n');
    expect(squidpy).toContain('sc.get.rank_genes_groups_df(adata, group=None).to_csv("${meta.id}.squidpy.markers.tsv", sep="\\\\t", index=False)\n');
    expect(squidpy).toContain('sq.pl.spatial_scatter(adata, color=["leiden", "total_counts"])\n');
    expect(squidpy).toContain('sq.pl.nhood_enrichment(adata, cluster_key="leiden")\n');
    expect(squidpy).toContain('with PdfPages("${meta.id}.squidpy.spatial.pdf") as pdf:\n');
    const module = files['modules/squidpy/main.nf']!;
    expect(module).toContain('    tuple val(meta), path("${meta.id}.squidpy.markers.tsv"), emit: markers\n');
    expect(module).toContain('    tuple val(meta), path("${meta.id}.squidpy.spatial.pdf"), emit: spatial_plots\n');
    expect(module).toContain('    touch ${meta.id}.squidpy.markers.tsv\n');
    expect(module).toContain('    touch ${meta.id}.squidpy.spatial.pdf\n');
  });

  it('the project passes the validator, dataflow rules included', () => {
    const result = checkWorkflow(files);
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  });
});
