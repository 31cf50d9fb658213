#!/usr/bin/env python3
"""Spatial statistics with Squidpy on a Space Ranger output: clusters, neighbourhood enrichment, Moran's I."""
import scanpy as sc
import squidpy as sq

# counts with the spots' positions, scale factors and images (spatial/ of the outs folder)
adata = sq.read.visium("${spatial}")
adata.var_names_make_unique()
sc.pp.calculate_qc_metrics(adata, percent_top=None, log1p=False, inplace=True)
# Spot QC: only near-empty spots go (a spot holds several cells; its counts follow tissue density)
sc.pp.filter_cells(adata, min_counts=500)
sc.pp.filter_cells(adata, min_genes=250)
sc.pp.filter_genes(adata, min_cells=10)
# @include _scanpy_preprocess.py
sq.gr.spatial_neighbors(adata)
sq.gr.nhood_enrichment(adata, cluster_key="leiden")
genes = adata.var_names[adata.var["highly_variable"]][:1000].tolist()
sq.gr.spatial_autocorr(adata, mode="moran", genes=genes, n_perms=100, n_jobs=${task.cpus})
adata.uns["moranI"].to_csv("${prefix}.squidpy.moran.tsv", sep="\\t", index_label="gene")
adata.write_h5ad("${prefix}.squidpy.h5ad")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    squidpy: ' + sq.__version__ + "\\n")
