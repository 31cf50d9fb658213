#!/usr/bin/env Rscript
# Differential methylation with DSS (RRBS): ${case_group} against ${control_group}. RRBS covers CpGs sparsely
# (MspI fragments), so DMLtest tests each CpG without smoothing, as DSS's guide advises for RRBS.
suppressPackageStartupMessages(library(DSS))
# @include _common.R
# @include _dss_test.R

run_dss(smoothing = FALSE)
