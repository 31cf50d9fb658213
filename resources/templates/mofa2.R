#!/usr/bin/env Rscript
# Multi-omics factor analysis with MOFA2: each input table (features x samples, first column the feature id) is a view;
# MOFA needs at least two, here the voom expression of the RNA-seq layer and the second omics layer.
suppressPackageStartupMessages(library(MOFA2))
# @include _common.R

# the RNA layer(s) the workflow computed, and the second layer (proteins, metabolites) the user provides
paths <- c(strsplit("${views}", " ")[[1]], "${omics_layer}")
read_view <- function(path) {
    tab <- read.delim(path, check.names = FALSE)
    values <- as.matrix(tab[, -1, drop = FALSE])
    rownames(values) <- tab[[1]]
    top <- order(apply(values, 1, var), decreasing = TRUE)[seq_len(min(5000, nrow(values)))]
    values[top, , drop = FALSE]
}
views <- lapply(paths, read_view)
names(views) <- sub("[.](tsv|txt|csv)\$", "", basename(paths))
shared <- Reduce(intersect, lapply(views, colnames))
views <- lapply(views, function(v) v[, shared, drop = FALSE])

mofa <- create_mofa(views)
model_options <- get_default_model_options(mofa)
model_options[["num_factors"]] <- max(1, min(10, length(shared) - 1))
training_options <- get_default_training_options(mofa)
training_options[["seed"]] <- 42
mofa <- prepare_mofa(mofa, model_options = model_options, training_options = training_options)
mofa <- run_mofa(mofa, outfile = "${prefix}.mofa2.hdf5", use_basilisk = TRUE)
factors <- get_factors(mofa, factors = "all")[[1]]
write_tsv(data.frame(sample = rownames(factors), factors, check.names = FALSE), "${prefix}.mofa2.factors.tsv")
write_versions(c("bioconductor-mofa2" = "MOFA2"))
