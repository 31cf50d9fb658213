#!/usr/bin/env python3
"""Multi-omics factor analysis with MOFA+ (mofapy2, the model's own Python trainer): each input table (features x samples,
first column the feature id) is a view; MOFA needs at least two, here the RNA-seq expression and the second omics layer.
Trained in Python, so no R-to-Python bridge builds a Python environment at run time (no network, no writable home); MOFA2's load_model() in R reads
the HDF5 model for plots and downstream tests."""
from importlib.metadata import version

import numpy as np
import pandas as pd
from mofapy2.run.entry_point import entry_point

# the RNA layer(s) the workflow computed, and the second layer (proteins, metabolites) the user provides
paths = "${views}".split() + ["${omics_layer}"]


def read_view(path):
    tab = pd.read_csv(path, sep="\\t", index_col=0)
    values = tab.astype(float)
    # counts become log2 CPM, as MOFA wants continuous, roughly Gaussian views: tximport's gene counts (no test step
    # before) and DESeq2's size-factor-normalised counts (counts still, not logged); limma's voom expression is log2 CPM already
    if path.endswith(("gene_counts.tsv", "deseq2.normalized_counts.tsv")):
        values = np.log2(values / values.sum(axis=0) * 1e6 + 1)
    # the 5000 most variable features: MOFA's factors follow variance, and low-variance features add only noise
    top = values.var(axis=1).sort_values(ascending=False).index[: min(5000, len(values))]
    return values.loc[top]


views = [read_view(p) for p in paths]
names = [p.split("/")[-1].rsplit(".", 1)[0] for p in paths]
shared = sorted(set.intersection(*(set(v.columns) for v in views)))
if len(shared) < 3:
    raise SystemExit(f"only {len(shared)} samples are in every view: MOFA needs at least 3 shared sample ids")

ent = entry_point()
ent.set_data_options(scale_views=True)
ent.set_data_matrix(
    [[v[shared].T.values] for v in views],
    likelihoods=["gaussian"] * len(views),
    views_names=names,
    groups_names=["all_samples"],
    samples_names=[shared],
    features_names=[[f"{n}:{f}" for f in v.index] for n, v in zip(names, views)],
)
ent.set_model_options(factors=max(1, min(10, len(shared) - 1)))
ent.set_train_options(iter=1000, convergence_mode="fast", seed=42, quiet=True)
ent.build()
ent.run()
ent.save("${prefix}.mofa2.hdf5")
factors = ent.model.nodes["Z"].getExpectations()["E"]
table = pd.DataFrame(factors, index=shared, columns=[f"Factor{k + 1}" for k in range(factors.shape[1])])
table.to_csv("${prefix}.mofa2.factors.tsv", sep="\\t", index_label="sample")

with open("versions.yml", "w") as versions:
    versions.write('"${task.process}":\\n    mofapy2: ' + version("mofapy2") + "\\n")
