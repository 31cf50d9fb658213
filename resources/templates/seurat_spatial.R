#!/usr/bin/env Rscript
# Spatial analysis with Seurat on a Space Ranger outs folder: the spots' counts with their array positions, scale
# factors and tissue image (spatial/), spot QC, SCTransform, clusters, spatially variable genes, markers, spatial plots.
suppressPackageStartupMessages(library(Seurat))
# @include _common.R
# @include _seurat_mito.R

# what Load10X_Spatial does, from the Matrix Market folder (Load10X_Spatial reads the .h5 matrix, which needs
# hdf5r): Read10X_Image reads spatial/tissue_positions.csv (Space Ranger 2+, tissue_positions_list.csv before),
# scalefactors_json.json and tissue_lowres_image.png
counts <- Read10X(file.path("${spatial}", "filtered_feature_bc_matrix"))
spots <- CreateSeuratObject(counts = counts, project = "${prefix}", assay = "Spatial")
image <- Read10X_Image(image.dir = file.path("${spatial}", "spatial"), filter.matrix = TRUE)
image <- image[Cells(spots)]
DefaultAssay(image) <- "Spatial"
spots[["${prefix}"]] <- image
# percent.mt is plotted, not filtered on; 0 where no prefix finds this organism's mitochondrial genes
mito <- mito_features(file.path("${spatial}", "filtered_feature_bc_matrix"), rownames(spots), "{org.mito_gene_regex}")
spots[["percent.mt"]] <- if (length(mito) > 0) PercentageFeatureSet(spots, features = mito) else 0

# Spot QC: the filtered matrix holds only the spots Space Ranger found under tissue, and a 55 um spot holds several
# cells, so its counts follow tissue density and histology, not cell quality. Only near-empty spots go; no upper
# count or mitochondrial cut-off, which would remove whole tissue regions (percent.mt is plotted instead).
spots <- subset(spots, subset = nCount_Spatial >= 500 & nFeature_Spatial >= 250)
# counts vary with anatomy across spots: SCTransform's regularised model rather than log-normalisation (Seurat's
# spatial vignette)
spots <- SCTransform(spots, assay = "Spatial")
spots <- RunPCA(spots, assay = "SCT", npcs = 30)
spots <- FindNeighbors(spots, reduction = "pca", dims = 1:30)
spots <- FindClusters(spots, resolution = 0.5)
spots <- RunUMAP(spots, reduction = "pca", dims = 1:30)
spots <- FindSpatiallyVariableFeatures(spots, assay = "SCT", features = head(VariableFeatures(spots), 1000), selection.method = "markvariogram")
variable <- SpatiallyVariableFeatures(spots, selection.method = "markvariogram")
write_tsv(data.frame(gene = variable, rank = seq_along(variable)), "${prefix}.seurat.spatially_variable.tsv")
markers <- FindAllMarkers(spots, assay = "SCT", only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25)
write_tsv(markers, "${prefix}.seurat.markers.tsv")

pdf("${prefix}.seurat.spatial.pdf")
print(SpatialFeaturePlot(spots, features = c("nCount_Spatial", "percent.mt")))
print(SpatialDimPlot(spots, label = TRUE, label.size = 3))
print(SpatialFeaturePlot(spots, features = head(variable, 4), ncol = 2))
invisible(dev.off())
saveRDS(spots, "${prefix}.seurat.rds")
write_versions(c("r-seurat" = "Seurat"))
