#!/usr/bin/env python3
"""Single-cell clustering with Scanpy: QC filters, normalisation, HVGs, PCA, neighbours, Leiden, UMAP, markers."""
import sys
from pathlib import Path

import scanpy as sc

sc.settings.n_jobs = ${task.cpus}
# a Space Ranger or Cell Ranger outs folder holds the filtered matrix one level down
matrix_dir = Path("${matrix}")
if (matrix_dir / "filtered_feature_bc_matrix").is_dir():
    matrix_dir = matrix_dir / "filtered_feature_bc_matrix"
adata = sc.read_10x_mtx(matrix_dir, var_names="gene_symbols", cache=False)
adata.var_names_make_unique()
# @include _scanpy_mito.py
sc.pp.calculate_qc_metrics(adata, qc_vars=["mt"], percent_top=None, log1p=False, inplace=True)
sc.pp.filter_cells(adata, min_genes=200)
sc.pp.filter_genes(adata, min_cells=3)
if mito_prefix:
    adata = adata[adata.obs["pct_counts_mt"] < 20].copy()
adata.layers["counts"] = adata.X.copy()
# @include _scanpy_preprocess.py
sc.tl.umap(adata)
sc.tl.rank_genes_groups(adata, "leiden", method="wilcoxon")
sc.get.rank_genes_groups_df(adata, group=None).to_csv("${prefix}.scanpy.markers.tsv", sep="\\t", index=False)
adata.write_h5ad("${prefix}.scanpy.h5ad")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    scanpy: ' + sc.__version__ + "\\n")
