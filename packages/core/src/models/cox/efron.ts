/**
 * The Cox partial log-likelihood with Efron's approximation for tied churn times, its score and information
 * (Cox 1972, "Regression models and life-tables", JRSS B 34:187–220; Efron 1977, "The efficiency of Cox's
 * likelihood function for censored data", JASA 72:557–565, eq. 3.5; in the form of Therneau & Grambsch,
 * "Modeling Survival Data", 2000, §3.3). At a time with D tied churns, the k-th (k = 0 … D − 1) sees the risk
 * set with k/D of the churners' risk removed:
 *   LL = Σ_times [ Σ_churners η − Σ_k ln(S₀ − (k/D) A₀) ],
 * where S₀ = Σ_{at risk} w e^η and A₀ = Σ_{churners} w e^η; the score and information follow from S₁, S₂, A₁, A₂.
 * A pattern of weight w stands for w customers with the same time, status and covariates, so D counts customers
 * and the result equals the unaggregated likelihood (as R's coxph computes it on one row per customer).
 */

/** Lifetimes with covariates, as patterns sorted by time descending. X is row-major, n × p, centred. */
export interface CoxData {
  n: number;
  p: number;
  time: Float64Array;
  status: Uint8Array;
  weight: Float64Array;
  X: Float64Array;
}

export interface CoxEval {
  logLik: number;
  score: Float64Array;
  /** Observed information, p × p row-major. */
  information: Float64Array;
}

/** LL, score and information at β (data sorted by time, longest first). */
export function efron(data: CoxData, beta: Float64Array): CoxEval {
  const { n, p, time, status, weight, X } = data;
  const S1 = new Float64Array(p);
  const S2 = new Float64Array(p * p);
  const A1 = new Float64Array(p);
  const A2 = new Float64Array(p * p);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  let S0 = 0;
  let logLik = 0;
  for (let i = 0; i < n; ) {
    const t = time[i]!;
    let A0 = 0;
    let D = 0;
    A1.fill(0);
    A2.fill(0);
    // Everyone with this time joins the risk set; churners also feed the tie sums.
    for (; i < n && time[i] === t; i++) {
      const row = i * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += X[row + j]! * beta[j]!;
      const wr = weight[i]! * Math.exp(eta);
      S0 += wr;
      addOuter(S1, S2, X, row, p, wr);
      if (status[i]) {
        const w = weight[i]!;
        D += w;
        A0 += wr;
        addOuter(A1, A2, X, row, p, wr);
        logLik += w * eta;
        for (let j = 0; j < p; j++) score[j]! += w * X[row + j]!;
      }
    }
    for (let k = 0; k < D; k++) {
      const f = k / D;
      const d0 = S0 - f * A0;
      logLik -= Math.log(d0);
      for (let a = 0; a < p; a++) {
        const m = (S1[a]! - f * A1[a]!) / d0;
        score[a]! -= m;
        for (let b = 0; b <= a; b++) {
          const mb = (S1[b]! - f * A1[b]!) / d0;
          information[a * p + b]! += (S2[a * p + b]! - f * A2[a * p + b]!) / d0 - m * mb;
        }
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) information[b * p + a] = information[a * p + b]!;
  return { logLik, score, information };
}

/** s1 += w·x, s2 += w·x xᵀ (lower triangle) for row x of X. */
function addOuter(s1: Float64Array, s2: Float64Array, X: Float64Array, row: number, p: number, w: number): void {
  for (let a = 0; a < p; a++) {
    const wa = w * X[row + a]!;
    s1[a]! += wa;
    for (let b = 0; b <= a; b++) s2[a * p + b]! += wa * X[row + b]!;
  }
}
