/**
 * Pearson's r between teams' employee satisfaction and a figure of the cases they handled, with the Fisher-z
 * interval (Fisher 1921; e.g. Cohen, Cohen, West & Aiken, "Applied Multiple Regression/Correlation Analysis",
 * 3rd ed., 2003, §2.8.2): z = atanh(r), z ± z₀.₉₇₅ / √(n − 3), back through tanh. It needs n ≥ 4 teams; with
 * fewer the interval is undefined, and the statement says so plainly instead of showing a number.
 */
import type { Text } from '../../present/text.ts';
import { Z95 } from '../../stats/wilson.ts';

export interface TeamCorrelation {
  teams: number;
  r: number | null;
  lower: number | null;
  upper: number | null;
  statement: Text;
}

/** Teams needed for a Fisher-z interval (n − 3 > 0). */
export const MIN_TEAMS = 4;

const fmt = (x: number) => x.toFixed(2);

/**
 * @example
 * teamCorrelation([0.6, 0.7, 0.8, 0.9], [3.1, 3.6, 3.9, 4.5]); // { teams: 4, r: 0.99…, lower: 0.6…, upper: 1.0…, … }
 */
export function teamCorrelation(x: readonly number[], y: readonly number[]): TeamCorrelation {
  const n = x.length;
  const r = n >= 3 ? pearson(x, y) : null;
  if (n < MIN_TEAMS || r === null) {
    return {
      teams: n,
      r,
      lower: null,
      upper: null,
      statement: {
        en: `Only ${n} team(s) have both figures: at least ${MIN_TEAMS} are needed, so nothing can be said yet about whether employee satisfaction goes with case results.`,
        'zh-CN': `只有 ${n} 个团队同时有两项数据：至少需要 ${MIN_TEAMS} 个团队，因此目前还无法判断员工满意度与案例结果是否相关。`,
      },
    };
  }
  const z = Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r)));
  const half = Z95 / Math.sqrt(n - 3);
  const lower = Math.tanh(z - half);
  const upper = Math.tanh(z + half);
  const sign = lower > 0 ? 'positive' : upper < 0 ? 'negative' : 'none';
  const said = {
    positive: {
      en: 'teams whose employees are more satisfied have better case results',
      'zh-CN': '员工满意度越高的团队，案例结果越好',
    },
    negative: {
      en: 'teams whose employees are more satisfied have worse case results',
      'zh-CN': '员工满意度越高的团队，案例结果反而越差',
    },
    none: { en: 'the interval includes 0: no link is shown', 'zh-CN': '区间包含 0：未显示出相关性' },
  }[sign];
  return {
    teams: n,
    r,
    lower,
    upper,
    statement: {
      en: `Across ${n} teams r = ${fmt(r)} (95% interval ${fmt(lower)} to ${fmt(upper)}): ${said.en}.`,
      'zh-CN': `${n} 个团队的相关系数 r = ${fmt(r)}（95% 区间 ${fmt(lower)} 至 ${fmt(upper)}）：${said['zh-CN']}。`,
    },
  };
}

/** Pearson's r; null when either side does not vary. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
