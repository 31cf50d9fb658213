#!/usr/bin/env Rscript
# Differential binding (or accessibility) with DESeq2 on the reads per consensus peak: ${case_group} against
# ${control_group}, the condition column of the sample sheet (nf-core/chipseq and nf-core/atacseq count the same
# consensus peaks with featureCounts). Size factors come from the reads in peaks, which assumes most peaks do not
# change between the groups.
suppressPackageStartupMessages(library(DESeq2))
# @include _common.R
# @include _read_counts.R
# @include _deseq2_outputs.R

# featureCounts' table: Geneid (chr:start-end), Chr, Start, End, Strand, Length, then one column per BAM
peaks <- read.delim("${counts}", comment.char = "#", check.names = FALSE)
counts <- round(as.matrix(peaks[, -(1:6), drop = FALSE]))
rownames(counts) <- peaks[["Geneid"]]
colnames(counts) <- sample_id(colnames(counts))
samples <- read_samples("${samplesheet}", colnames(counts), "${control_group}")
fit <- fit_deseq2(counts, samples, "${case_group}", "${control_group}")
dds <- fit[["dds"]]
res <- fit[["res"]]
at <- match(rownames(res), peaks[["Geneid"]])
write_tsv(
    data.frame(peak = rownames(res), chr = peaks[["Chr"]][at], start = peaks[["Start"]][at], end = peaks[["End"]][at], as.data.frame(res), check.names = FALSE),
    "${prefix}.deseq2.differential_binding.tsv"
)
write_deseq2_outputs(dds, res, "peak", "${prefix}.deseq2.normalized_counts.tsv", "${prefix}.deseq2.plots.pdf")
write_versions(c("bioconductor-deseq2" = "DESeq2"))
