#!/usr/bin/env Rscript
# Differential methylation with DSS (whole-genome bisulfite): ${case_group} against ${control_group}. CpGs are
# dense, so DMLtest smooths methylation levels over neighbouring CpGs before its Wald test, as DSS's guide advises.
suppressPackageStartupMessages(library(DSS))
# @include _common.R
# @include _dss_test.R

run_dss(smoothing = TRUE)
