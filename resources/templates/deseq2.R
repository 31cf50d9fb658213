#!/usr/bin/env Rscript
# Differential expression with DESeq2: ${case_group} against ${control_group}, the condition column of the sample sheet.
suppressPackageStartupMessages(library(DESeq2))
# @include _common.R
# @include _read_counts.R
# @include _deseq2_outputs.R

counts <- read_counts(strsplit("${counts}", " ")[[1]])
samples <- read_samples("${samplesheet}", colnames(counts), "${control_group}")
fit <- fit_deseq2(counts, samples, "${case_group}", "${control_group}")
dds <- fit[["dds"]]
res <- fit[["res"]]
write_tsv(data.frame(gene = rownames(res), as.data.frame(res), check.names = FALSE), "${prefix}.deseq2.results.tsv")
write_deseq2_outputs(dds, res, "gene", "${prefix}.deseq2.normalized_counts.tsv", "${prefix}.deseq2.plots.pdf")
write_versions(c("bioconductor-deseq2" = "DESeq2"))
