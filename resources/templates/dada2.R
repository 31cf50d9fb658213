#!/usr/bin/env Rscript
# Amplicon sequence variants with DADA2: filter and trim, learn error rates, denoise, merge pairs, remove chimeras.
suppressPackageStartupMessages(library(dada2))
# @include _common.R

files <- strsplit("${reads}", " ")[[1]]
single_end <- "${single_end}" == "true"
threads <- ${task.cpus}
fwd <- if (single_end) files else files[c(TRUE, FALSE)]
rev <- if (single_end) NULL else files[c(FALSE, TRUE)]
samples <- sub("(_R?[12])?[.].*\$", "", basename(fwd))
dir.create("filtered", showWarnings = FALSE)
filt_fwd <- file.path("filtered", paste0(samples, "_F.fastq.gz"))
filt_rev <- if (single_end) NULL else file.path("filtered", paste0(samples, "_R.fastq.gz"))
# no fixed truncLen: filterAndTrim discards reads shorter than it, and primer-trimmed reads of 2x150 or 2x250 runs
# are; quality is handled by truncQ and the expected-error cap, and merging needs the untruncated overlap
max_ee <- if (single_end) 2 else c(2, 2)
filtered <- filterAndTrim(fwd, filt_fwd, rev, filt_rev, maxN = 0, maxEE = max_ee, truncQ = 2, minLen = 50,
                          rm.phix = TRUE, compress = TRUE, multithread = threads)
err_fwd <- learnErrors(filt_fwd, multithread = threads)
dada_fwd <- dada(filt_fwd, err = err_fwd, multithread = threads)
if (single_end) {
    seqtab <- makeSequenceTable(dada_fwd)
} else {
    err_rev <- learnErrors(filt_rev, multithread = threads)
    dada_rev <- dada(filt_rev, err = err_rev, multithread = threads)
    seqtab <- makeSequenceTable(mergePairs(dada_fwd, filt_fwd, dada_rev, filt_rev))
}
rownames(seqtab) <- samples
nochim <- removeBimeraDenovo(seqtab, method = "consensus", multithread = threads)
asv <- paste0("ASV", seq_len(ncol(nochim)))
write_tsv(data.frame(asv = asv, t(nochim), check.names = FALSE), "${prefix}.dada2.asv_table.tsv")
writeLines(paste0(">", asv, "\\n", colnames(nochim)), "${prefix}.dada2.asv_seqs.fasta")
write_tsv(data.frame(sample = samples, input = filtered[, 1], filtered = filtered[, 2], nonchim = rowSums(nochim)),
          "${prefix}.dada2.track.tsv")
write_versions(c("bioconductor-dada2" = "dada2"))
