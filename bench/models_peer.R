# Peer for bench/models.bench.ts: the same Kaplan–Meier and Cox fits in R's survival package, on the columns the
# bench exported as raw float64 files. Prints one JSON line: the fit's elapsed seconds (reading excluded) and
# what it estimated, so the bench can check both fitted the same thing.
#   Rscript bench/models_peer.R km  bench/out/models/km-10000000  10000000
#   Rscript bench/models_peer.R cox bench/out/models/cox-1000000   1000000
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
kind <- args[1]
prefix <- args[2]
n <- as.numeric(args[3])
col <- function(name) readBin(paste0(prefix, ".", name, ".f64"), "double", n = n)

if (kind == "km") {
  d <- data.frame(time = col("time"), event = col("event"), seg = col("seg"))
  t <- system.time(fit <- survfit(Surv(time, event) ~ seg, data = d))[["elapsed"]]
  s <- summary(fit, times = 365)
  cat(sprintf('{"seconds": %.4f, "s365": [%s]}\n', t, paste(sprintf("%.10f", s$surv), collapse = ", ")))
} else {
  d <- data.frame(time = col("time"), event = col("event"))
  for (j in 0:9) d[[paste0("x", j)]] <- col(paste0("x", j))
  t <- system.time(fit <- coxph(Surv(time, event) ~ ., data = d, ties = "efron"))[["elapsed"]]
  cat(sprintf('{"seconds": %.4f, "coef": [%s], "concordance": %.10f}\n', t,
              paste(sprintf("%.10f", coef(fit)), collapse = ", "), fit$concordance[["concordance"]]))
}
