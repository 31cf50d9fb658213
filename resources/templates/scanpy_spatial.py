#!/usr/bin/env python3
"""Spatial analysis with Scanpy on a Space Ranger outs folder: spots with positions and images, spot QC, Leiden domains, markers, spatial plots."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import scanpy as sc

sc.settings.n_jobs = ${task.cpus}
# counts with the spots' positions (obsm["spatial"]), scale factors and hires/lowres images (uns["spatial"]), from
# spatial/tissue_positions.csv (Space Ranger 2+), scalefactors_json.json and the tissue images
adata = sc.read_visium("${spatial}", count_file="filtered_feature_bc_matrix.h5")
adata.var_names_make_unique()
# @include _scanpy_mito.py
sc.pp.calculate_qc_metrics(adata, qc_vars=["mt"], percent_top=None, log1p=False, inplace=True)
# Spot QC: a 55 um spot holds several cells and its counts follow tissue density, so only near-empty spots go; no
# upper count or mitochondrial cut-off (they would remove whole tissue regions)
sc.pp.filter_cells(adata, min_counts=500)
sc.pp.filter_cells(adata, min_genes=250)
sc.pp.filter_genes(adata, min_cells=10)
adata.layers["counts"] = adata.X.copy()
# @include _scanpy_preprocess.py
sc.tl.umap(adata)
sc.tl.rank_genes_groups(adata, "leiden", method="wilcoxon")
sc.get.rank_genes_groups_df(adata, group=None).to_csv("${prefix}.scanpy.markers.tsv", sep="\\t", index=False)
sc.pl.spatial(adata, color=["leiden", "total_counts", "pct_counts_mt"], show=False, save=False)
plt.savefig("${prefix}.scanpy.spatial.pdf", bbox_inches="tight")
adata.write_h5ad("${prefix}.scanpy.h5ad")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    scanpy: ' + sc.__version__ + "\\n")
