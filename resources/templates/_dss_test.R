# DSS on MethylDackel's CpG bedGraphs (a track line, then chrom, 0-based start, end, percent methylated,
# methylated and unmethylated read counts): per sample a data frame of chr, pos (1-based), N (reads over the
# CpG) and X (methylated reads), the input makeBSseqData takes. Groups come from the sample sheet (sample,condition).
read_calls <- function(path) {
    tab <- read.delim(path, header = FALSE, skip = 1, col.names = c("chr", "start", "end", "percent", "methylated", "unmethylated"))
    data.frame(chr = tab[["chr"]], pos = tab[["start"]] + 1, N = tab[["methylated"]] + tab[["unmethylated"]], X = tab[["methylated"]])
}
run_dss <- function(smoothing) {
    paths <- strsplit("${calls}", " ")[[1]]
    ids <- sub("_CpG[.]bedGraph\$", "", basename(paths))
    sheet <- read.csv("${samplesheet}", stringsAsFactors = FALSE)
    condition <- setNames(sheet[["condition"]], sheet[["sample"]])[ids]
    if (anyNA(condition)) stop("samples missing from the sample sheet: ", paste(ids[is.na(condition)], collapse = ", "))
    group1 <- ids[condition == "${case_group}"]
    group2 <- ids[condition == "${control_group}"]
    if (length(group1) == 0 || length(group2) == 0) stop("the sample sheet needs samples of both ${case_group} and ${control_group}")
    bs <- makeBSseqData(lapply(paths, read_calls), ids)
    test <- DMLtest(bs, group1 = group1, group2 = group2, smoothing = smoothing)
    write_tsv(callDML(test, delta = 0.1, p.threshold = 0.001), "${prefix}.dss.dml.tsv")
    dmrs <- callDMR(test, delta = 0.1, p.threshold = 0.01)
    # callDMR returns NULL when no region passes
    if (is.null(dmrs)) dmrs <- data.frame(chr = character(), start = integer(), end = integer(), length = integer(), nCG = integer(), areaStat = numeric())
    write_tsv(dmrs, "${prefix}.dss.dmr.tsv")
    write_versions(c("bioconductor-dss" = "DSS"))
}
