#!/usr/bin/env python3
"""Spatial statistics with Squidpy on a Space Ranger output: clusters, neighbourhood enrichment, Moran's I."""
import scanpy as sc
import squidpy as sq

adata = sq.read.visium("${spatial}")
adata.var_names_make_unique()
sc.pp.filter_genes(adata, min_cells=10)
sc.pp.normalize_total(adata, target_sum=1e4)
sc.pp.log1p(adata)
sc.pp.highly_variable_genes(adata, n_top_genes=2000)
sc.tl.pca(adata, n_comps=30)
sc.pp.neighbors(adata, n_pcs=20)
sc.tl.leiden(adata, resolution=0.5)
sq.gr.spatial_neighbors(adata)
sq.gr.nhood_enrichment(adata, cluster_key="leiden")
genes = adata.var_names[adata.var["highly_variable"]][:1000].tolist()
sq.gr.spatial_autocorr(adata, mode="moran", genes=genes, n_perms=100, n_jobs=${task.cpus})
adata.uns["moranI"].to_csv("${prefix}.squidpy.moran.tsv", sep="\\t", index_label="gene")
adata.write_h5ad("${prefix}.squidpy.h5ad")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    squidpy: ' + sq.__version__ + "\\n")
