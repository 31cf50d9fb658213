#!/usr/bin/env Rscript
# Differential expression with limma-voom on TMM-normalised counts: ${case_group} against ${control_group}.
suppressPackageStartupMessages({
    library(limma)
    library(edgeR)
})
# @include _common.R
# @include _read_counts.R

counts <- read_counts(strsplit("${counts}", " ")[[1]])
samples <- read_samples("${samplesheet}", colnames(counts), "${control_group}")
y <- DGEList(counts = counts)
keep <- filterByExpr(y, group = samples[["condition"]])
y <- calcNormFactors(y[keep, , keep.lib.sizes = FALSE], method = "TMM")
design <- model.matrix(~ condition, data = samples)
v <- voom(y, design)
fit <- eBayes(lmFit(v, design))
top <- topTable(fit, coef = paste0("condition", "${case_group}"), number = Inf, sort.by = "P")
write_tsv(data.frame(gene = rownames(top), top, check.names = FALSE), "${prefix}.limma.results.tsv")
write_tsv(data.frame(gene = rownames(v[["E"]]), v[["E"]], check.names = FALSE), "${prefix}.limma.voom_expression.tsv")
write_versions(c("bioconductor-limma" = "limma", "bioconductor-edger" = "edgeR"))
