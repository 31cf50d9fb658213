#!/usr/bin/env Rscript
# Transcript abundances (Salmon quant.sf) summarised to gene counts with tximport, for the count-based tools after it:
# countsFromAbundance = "lengthScaledTPM" (counts from the abundances, scaled by transcript length and library size).
suppressPackageStartupMessages(library(tximport))
# @include _common.R

dirs <- strsplit("${quants}", " ")[[1]]
files <- setNames(file.path(dirs, "quant.sf"), sub("[.].*\$", "", basename(dirs)))
tx2gene <- read.delim("${tx2gene}", header = FALSE, col.names = c("transcript", "gene"))
txi <- tximport(files, type = "salmon", tx2gene = tx2gene, countsFromAbundance = "lengthScaledTPM")
counts <- round(txi[["counts"]])
write_tsv(data.frame(gene_id = rownames(counts), counts, check.names = FALSE), "${prefix}.tximport.gene_counts.tsv")
write_versions(c("bioconductor-tximport" = "tximport"))
