# Reference values for the Kaplan–Meier, log-rank and Cox tests, computed with R's survival package on the
# IBM Telco churn snapshot (../shared/datasets/telco, 7,043 customers: tenure in whole months, Churn Yes/No).
#
# Run from the repository root with Debian's R (apt-get install -y r-base-core r-cran-survival r-cran-jsonlite):
#     Rscript packages/core/test/reference/models/make-survival-reference.R
# It rewrites survival-reference.json beside this script (formatted by biome); the TypeScript tests only read that JSON, so
# `npm test` needs no R.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
telco <- read.csv(file.path("..", "shared", "datasets", "telco", "WA_Fn-UseC_-Telco-Customer-Churn.csv"),
                  stringsAsFactors = TRUE)
telco$churn <- as.integer(telco$Churn == "Yes")
tau <- 72

curve <- function(fit, conf) {
  s <- summary(fit, censored = TRUE)
  list(time = s$time, atRisk = s$n.risk, events = s$n.event, censored = s$n.censor, survival = s$surv,
       stderr = s$std.err, lower = s$lower, upper = s$upper)
}

km <- function(formula, data) {
  log <- survfit(formula, data = data, conf.type = "log")
  loglog <- survfit(formula, data = data, conf.type = "log-log")
  strata <- if (is.null(log$strata)) "all" else sub("^[^=]*=", "", names(log$strata))
  tab <- summary(log, rmean = tau)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  lapply(seq_along(strata), function(i) {
    pick <- function(f) if (is.null(f$strata)) f else f[i]
    list(segment = strata[i], log = curve(pick(log), "log"), logLog = curve(pick(loglog), "log-log"),
         median = unname(tab[i, "median"]), medianLower = unname(tab[i, "0.95LCL"]),
         medianUpper = unname(tab[i, "0.95UCL"]), rmean = unname(tab[i, "rmean"]),
         rmeanSe = unname(tab[i, "se(rmean)"]))
  })
}

logrank <- survdiff(Surv(tenure, churn) ~ Contract, data = telco)

cox <- coxph(Surv(tenure, churn) ~ Contract + InternetService + PaymentMethod + MonthlyCharges + SeniorCitizen +
               PaperlessBilling, data = telco, ties = "efron")
cs <- summary(cox)

out <- list(
  generatedBy = paste0("R ", R.version$major, ".", R.version$minor, ", survival ", packageVersion("survival"),
                       ": packages/core/test/reference/models/make-survival-reference.R"),
  data = "../shared/datasets/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv: time = tenure (months), event = Churn == 'Yes'",
  tau = tau,
  kaplanMeier = list(all = km(Surv(tenure, churn) ~ 1, telco)[[1]],
                     byContract = km(Surv(tenure, churn) ~ Contract, telco)),
  logRank = list(groups = sub("^[^=]*=", "", names(logrank$n)), observed = logrank$obs,
                 expected = logrank$exp, chisq = logrank$chisq, df = length(logrank$n) - 1,
                 p = pchisq(logrank$chisq, length(logrank$n) - 1, lower.tail = FALSE)),
  cox = list(
    formula = "Surv(tenure, churn) ~ Contract + InternetService + PaymentMethod + MonthlyCharges + SeniorCitizen + PaperlessBilling, ties = 'efron'",
    terms = rownames(cs$coefficients),
    coef = unname(cs$coefficients[, "coef"]),
    se = unname(cs$coefficients[, "se(coef)"]),
    z = unname(cs$coefficients[, "z"]),
    p = unname(cs$coefficients[, "Pr(>|z|)"]),
    hazardRatio = unname(cs$conf.int[, "exp(coef)"]),
    lower = unname(cs$conf.int[, "lower .95"]),
    upper = unname(cs$conf.int[, "upper .95"]),
    logLik = cox$loglik,
    concordance = unname(cox$concordance["concordance"]),
    n = cox$n, events = cox$nevent, iterations = cox$iter
  )
)
file <- file.path(here, "survival-reference.json")
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE), file)
# Laid out as the repository's formatter lays out JSON, so a re-run changes only values.
system2("npx", c("biome", "format", "--write", file))
