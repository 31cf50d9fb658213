# Mitochondrial genes by the annotation's prefix of symbols (HGNC MT-, MGI mt-, RGD Mt-, FlyBase mt:) or of ids (TAIR
# ATMG, SGD Q0), matched in either column of the features file and compared in upper case, as the rows Read10X
# names them (symbols, made unique, underscores as dashes); none where the pattern is empty (no prefix finds this
# organism's genes).
mito_features <- function(matrix_dir, rows, pattern) {
    if (!nzchar(pattern)) return(character(0))
    file <- list.files(matrix_dir, pattern = "^(features|genes)[.]tsv", full.names = TRUE)[1]
    features <- read.delim(file, header = FALSE, stringsAsFactors = FALSE)
    ids <- features[[1]]
    symbols <- features[[2]]
    mito <- grepl(toupper(pattern), toupper(ids)) | grepl(toupper(pattern), toupper(symbols))
    # CreateSeuratObject turns underscores in feature names into dashes
    intersect(gsub("_", "-", make.unique(symbols)[mito]), rows)
}
