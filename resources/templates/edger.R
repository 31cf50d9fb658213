#!/usr/bin/env Rscript
# Differential expression with edgeR's quasi-likelihood pipeline: ${case_group} against ${control_group}.
suppressPackageStartupMessages(library(edgeR))
# @include _common.R
# @include _read_counts.R

counts <- read_counts(strsplit("${counts}", " ")[[1]])
samples <- read_samples("${samplesheet}", colnames(counts), "${control_group}")
y <- DGEList(counts = counts, group = samples[["condition"]])
keep <- filterByExpr(y, group = samples[["condition"]])
y <- normLibSizes(y[keep, , keep.lib.sizes = FALSE])
design <- model.matrix(~ condition, data = samples)
y <- estimateDisp(y, design)
fit <- glmQLFit(y, design)
test <- glmQLFTest(fit, coef = paste0("condition", "${case_group}"))
top <- topTags(test, n = Inf)[["table"]]
write_tsv(data.frame(gene = rownames(top), top, check.names = FALSE), "${prefix}.edger.results.tsv")

pdf("${prefix}.edger.plots.pdf")
plotMDS(y, labels = colnames(y))
plotBCV(y)
plotMD(test)
invisible(dev.off())
write_versions(c("bioconductor-edger" = "edgeR"))
