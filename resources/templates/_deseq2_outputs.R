# The one DESeq2 fit every script runs: features with >= 10 reads in >= 2 samples, the Wald test of `case` against
# `control` in the condition column, results ordered by adjusted p-value.
fit_deseq2 <- function(counts, samples, case, control) {
    dds <- DESeqDataSetFromMatrix(countData = counts, colData = samples, design = ~ condition)
    dds <- dds[rowSums(counts(dds) >= 10) >= 2, ]
    dds <- DESeq(dds)
    res <- results(dds, contrast = c("condition", case, control), alpha = 0.05)
    list(dds = dds, res = res[order(res[["padj"]]), ])
}

# What every DESeq2 script writes besides its results: the normalised counts (first column named `id`: gene,
# peak) and a PDF with the MA plot and the PCA of variance-stabilised counts.
write_deseq2_outputs <- function(dds, res, id, counts_path, plots_path) {
    normalized <- counts(dds, normalized = TRUE)
    table <- data.frame(id = rownames(normalized), normalized, check.names = FALSE)
    names(table)[1] <- id
    write_tsv(table, counts_path)
    pdf(plots_path)
    plotMA(res, alpha = 0.05)
    vsd <- if (nrow(dds) >= 1000) vst(dds, blind = TRUE) else varianceStabilizingTransformation(dds, blind = TRUE)
    print(plotPCA(vsd, intgroup = "condition"))
    invisible(dev.off())
}
