#!/usr/bin/env python3
"""Spatial analysis with Squidpy on a Space Ranger output: spot QC, Leiden domains, marker genes, neighbourhood enrichment, Moran's I, spatial plots."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
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
# marker genes of each spatial domain (Leiden cluster) against all other spots, on the log-normalised counts
sc.tl.rank_genes_groups(adata, "leiden", method="wilcoxon")
sc.get.rank_genes_groups_df(adata, group=None).to_csv("${prefix}.squidpy.markers.tsv", sep="\\t", index=False)
sq.gr.spatial_neighbors(adata)
sq.gr.nhood_enrichment(adata, cluster_key="leiden")
genes = adata.var_names[adata.var["highly_variable"]][:1000].tolist()
sq.gr.spatial_autocorr(adata, mode="moran", genes=genes, n_perms=100, n_jobs=${task.cpus})
adata.uns["moranI"].to_csv("${prefix}.squidpy.moran.tsv", sep="\\t", index_label="gene")
# one page each: the domains and counts on the tissue image, which domains neighbour each other more than by
# chance, and the four genes with the strongest spatial autocorrelation (moranI is sorted by I, highest first)
with PdfPages("${prefix}.squidpy.spatial.pdf") as pdf:
    sq.pl.spatial_scatter(adata, color=["leiden", "total_counts"])
    pdf.savefig(plt.gcf(), bbox_inches="tight")
    plt.close("all")
    sq.pl.nhood_enrichment(adata, cluster_key="leiden")
    pdf.savefig(plt.gcf(), bbox_inches="tight")
    plt.close("all")
    sq.pl.spatial_scatter(adata, color=adata.uns["moranI"].index[:4].tolist())
    pdf.savefig(plt.gcf(), bbox_inches="tight")
    plt.close("all")
adata.write_h5ad("${prefix}.squidpy.h5ad")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    squidpy: ' + sq.__version__ + "\\n")
