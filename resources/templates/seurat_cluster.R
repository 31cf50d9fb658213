#!/usr/bin/env Rscript
# Single-cell clustering with Seurat: QC filters, normalisation, variable genes, PCA, graph clustering, UMAP, markers.
suppressPackageStartupMessages(library(Seurat))
# @include _common.R
# @include _seurat_mito.R

# a Space Ranger or Cell Ranger outs folder holds the filtered matrix one level down
matrix_dir <- if (dir.exists(file.path("${matrix}", "filtered_feature_bc_matrix"))) file.path("${matrix}", "filtered_feature_bc_matrix") else "${matrix}"
counts <- Read10X(matrix_dir)
if (is.list(counts)) counts <- counts[["Gene Expression"]]
cells <- CreateSeuratObject(counts = counts, project = "${prefix}", min.cells = 3, min.features = 200)
# empty where no prefix finds this organism's mitochondrial genes: the percent-mito filter is then skipped
mito_pattern <- "{org.mito_gene_regex}"
if (nzchar(mito_pattern)) {
    cells[["percent.mt"]] <- PercentageFeatureSet(cells, features = mito_features(matrix_dir, rownames(cells), mito_pattern))
    cells <- subset(cells, subset = nFeature_RNA > 200 & nFeature_RNA < 6000 & percent.mt < 20)
} else {
    message("no mitochondrial gene prefix is known for this organism: the percent-mito filter is skipped")
    cells <- subset(cells, subset = nFeature_RNA > 200 & nFeature_RNA < 6000)
}
cells <- NormalizeData(cells)
cells <- FindVariableFeatures(cells, selection.method = "vst", nfeatures = 2000)
cells <- ScaleData(cells)
cells <- RunPCA(cells, npcs = 30)
cells <- FindNeighbors(cells, dims = 1:20)
cells <- FindClusters(cells, resolution = 0.5)
cells <- RunUMAP(cells, dims = 1:20)
markers <- FindAllMarkers(cells, only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25)
write_tsv(markers, "${prefix}.seurat.markers.tsv")
saveRDS(cells, "${prefix}.seurat.rds")
write_versions(c("r-seurat" = "Seurat"))
