# Count table of all samples, whatever the quantifier wrote: one featureCounts matrix, per-sample htseq-count
# tables, a tximport gene matrix (gene_id, then one column per sample), Salmon folders (quant.sf, NumReads) or
# kallisto folders (abundance.tsv, est_counts). Columns are
# named by sample id: the file or folder name up to its first dot.
sample_id <- function(paths) sub("[.].*\$", "", basename(paths))
read_one <- function(path) {
    if (dir.exists(path)) {
        salmon <- file.path(path, "quant.sf")
        if (file.exists(salmon)) {
            tab <- read.delim(salmon)
            return(setNames(tab[["NumReads"]], tab[["Name"]]))
        }
        tab <- read.delim(file.path(path, "abundance.tsv"))
        return(setNames(tab[["est_counts"]], tab[["target_id"]]))
    }
    tab <- read.delim(path, header = FALSE, comment.char = "#")
    tab <- tab[!startsWith(tab[[1]], "__"), ]
    setNames(tab[[2]], tab[[1]])
}
read_counts <- function(paths) {
    if (length(paths) == 1 && !dir.exists(paths)) {
        first <- readLines(paths, n = 2)
        if (startsWith(first[1], "gene_id")) {
            tab <- read.delim(paths, check.names = FALSE)
            counts <- as.matrix(tab[, -1, drop = FALSE])
            rownames(counts) <- tab[["gene_id"]]
            return(round(counts))
        }
        if (any(startsWith(first, "Geneid"))) {
            tab <- read.delim(paths, comment.char = "#", check.names = FALSE)
            counts <- as.matrix(tab[, -(1:6), drop = FALSE])
            rownames(counts) <- tab[["Geneid"]]
            colnames(counts) <- sample_id(colnames(counts))
            return(round(counts))
        }
    }
    columns <- lapply(paths, read_one)
    genes <- Reduce(intersect, lapply(columns, names))
    counts <- sapply(columns, function(v) v[genes])
    rownames(counts) <- genes
    colnames(counts) <- sample_id(paths)
    round(counts)
}
# The sample sheet (sample,condition) in the order of the count columns; the control level first.
read_samples <- function(path, samples, control) {
    sheet <- read.csv(path, stringsAsFactors = FALSE)
    rownames(sheet) <- sheet[["sample"]]
    missing <- setdiff(samples, rownames(sheet))
    if (length(missing) > 0) stop("samples missing from the sample sheet: ", paste(missing, collapse = ", "))
    sheet <- sheet[samples, , drop = FALSE]
    sheet[["condition"]] <- relevel(factor(sheet[["condition"]]), ref = control)
    sheet
}
