# Helpers every shipped R script uses: tab-separated output and versions.yml.
write_tsv <- function(df, path) write.table(df, path, sep = "\\t", quote = FALSE, row.names = FALSE)
write_versions <- function(packages) {
    lines <- c('"${task.process}":', sprintf("    %s: %s", names(packages), sapply(packages, function(p) as.character(packageVersion(p)))))
    writeLines(lines, "versions.yml")
}
