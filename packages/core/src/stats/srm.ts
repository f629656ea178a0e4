/**
 * Sample-ratio mismatch: do the arms' sizes deviate from the shares the design assigned? A mismatch means the
 * assignment or the data lost members unevenly, so every comparison of the arms is suspect (Fabijan et al., 2019,
 * "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments", KDD '19: Pearson's χ² goodness of fit
 * against the designed split, with a strict threshold because the check runs on every experiment; ours is
 * p < 0.001).
 *
 *   X² = Σᵢ (Oᵢ − N·sᵢ)² / (N·sᵢ),   N = Σ Oᵢ,   df = arms − 1
 */
import { tenureError } from '../errors.ts';
import { chiSquareGoodnessOfFit } from './chi-square.ts';

/** The p-value below which the arms are declared mismatched. */
export const SRM_THRESHOLD = 0.001;

/**
 * χ² of observed arm sizes against the designed shares (normalised to sum to 1). No members at all is no evidence
 * of a mismatch: χ² = 0, p = 1.
 *
 * @example
 * sampleRatioMismatch([9_000, 1_100], [0.9, 0.1]); // { chi2: 8.91, p: 0.0028, mismatch: false }
 * sampleRatioMismatch([48_200, 51_800], [0.5, 0.5]); // { chi2: 129.6, p: 5.0e-30, mismatch: true }
 */
export function sampleRatioMismatch(
  observed: number[],
  expectedShares: number[],
): { chi2: number; p: number; mismatch: boolean } {
  if (
    observed.length !== expectedShares.length ||
    observed.some((o) => !(o >= 0)) ||
    expectedShares.some((s) => !(s > 0))
  )
    throw tenureError('TEN_INTERNAL', { detail: 'sample ratio: need one count ≥ 0 and one share > 0 per arm' });
  const total = observed.reduce((a, b) => a + b, 0);
  if (total === 0) return { chi2: 0, p: 1, mismatch: false };
  const shares = expectedShares.reduce((a, b) => a + b, 0);
  const { statistic, pValue } = chiSquareGoodnessOfFit(
    observed,
    expectedShares.map((s) => (total * s) / shares),
  );
  return { chi2: statistic, p: pValue, mismatch: pValue < SRM_THRESHOLD };
}
