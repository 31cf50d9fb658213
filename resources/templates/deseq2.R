#!/usr/bin/env Rscript
# Differential expression with DESeq2: ${case_group} against ${control_group}, the condition column of the sample sheet.
suppressPackageStartupMessages(library(DESeq2))
# @include _common.R
# @include _read_counts.R
# @include _deseq2_outputs.R

counts <- read_counts(strsplit("${counts}", " ")[[1]])
samples <- read_samples("${samplesheet}", colnames(counts), "${control_group}")
dds <- DESeqDataSetFromMatrix(countData = counts, colData = samples, design = ~ condition)
dds <- dds[rowSums(counts(dds) >= 10) >= 2, ]
dds <- DESeq(dds)
res <- results(dds, contrast = c("condition", "${case_group}", "${control_group}"), alpha = 0.05)
res <- res[order(res[["padj"]]), ]
write_tsv(data.frame(gene = rownames(res), as.data.frame(res), check.names = FALSE), "${prefix}.deseq2.results.tsv")
write_deseq2_outputs(dds, res, "gene", "${prefix}.deseq2.normalized_counts.tsv", "${prefix}.deseq2.plots.pdf")
write_versions(c("bioconductor-deseq2" = "DESeq2"))
