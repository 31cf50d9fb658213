#!/usr/bin/env python3
"""Spatial statistics with Squidpy on a Space Ranger output: clusters, neighbourhood enrichment, Moran's I."""
import scanpy as sc
import squidpy as sq

adata = sq.read.visium("${spatial}")
adata.var_names_make_unique()
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
