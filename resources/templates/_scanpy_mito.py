# Mitochondrial genes by the annotation's prefix of symbols (HGNC MT-, MGI mt-, RGD Mt-, FlyBase mt:) or of ids (TAIR
# ATMG, SGD Q0), compared in upper case; empty where no prefix finds this organism's mitochondrial genes: pct_counts_mt
# is then 0 and the percent-mito filter is skipped
mito_prefix = "{org.mito_gene_upper}"
if mito_prefix:
    adata.var["mt"] = adata.var_names.str.upper().str.startswith(mito_prefix) | adata.var["gene_ids"].str.upper().str.startswith(mito_prefix)
else:
    adata.var["mt"] = False
    print("no mitochondrial gene prefix is known for this organism: pct_counts_mt is 0, the percent-mito filter is skipped", file=sys.stderr)
