import type { Remedy } from './actions.ts';
import { by, def, type Local, q, quote, said } from './define.ts';

/** Metrics, lifetime models and churn prediction. */
export const analysisCodes = {
  TEN_METRIC_UNKNOWN: def<{ name: string; known: string[]; suggestion?: string }>(
    404,
    { en: (a) => `Unknown metric ${quote(a.name)}`, 'zh-CN': (a) => `未知的指标 ${q(a.name)}` },
    {
      en: (a) => `${a.suggestion ? `Did you mean ${quote(a.suggestion)}? ` : ''}Pick one of the metrics Tenure knows.`,
      'zh-CN': (a) => `${a.suggestion ? `是否指 ${q(a.suggestion)}？` : ''}请选择 Tenure 支持的指标。`,
    },
    () => [{ action: 'list_metrics' }],
  ),
  TEN_METRIC_BAD_QUERY: def<{ detail: string; hint: Local; remedies?: Remedy[] }>(
    400,
    { en: (a) => `Invalid metric query: ${a.detail}`, 'zh-CN': (a) => `指标查询无效：${a.detail}` },
    { en: (a, on) => said(a.hint, 'en', on), 'zh-CN': (a, on) => said(a.hint, 'zh-CN', on) },
    // The caller may name what to do, for each shell to word (reports/range.ts: give the range).
    (a) => a.remedies ?? [],
  ),
  TEN_METRIC_SNAPSHOT: def<{ metric: string; asOf: string; what: 'trend' | 'forecast' }>(
    422,
    {
      en: (a) =>
        `${a.metric} cannot be shown as a ${a.what}: its churn comes from a snapshot import, every churn dated on the as-of date ${a.asOf}`,
      'zh-CN': (a) =>
        `${a.metric} 无法显示为${a.what === 'trend' ? '趋势' : '预测'}：其流失来自快照导入，所有流失都记在快照日期 ${a.asOf}`,
    },
    {
      en: (_a) =>
        'A snapshot says who had left by its date, not when: the survival curve shows churn over time and the churn model who will churn; a single period at the as-of date still shows the share churned.',
      'zh-CN': (_a) =>
        '快照只说明截至快照日期谁已流失，不说明何时流失：生存分析显示随时间的流失，流失模型显示谁将流失；选择快照日期所在的单个周期仍可看到累计流失比例。',
    },
    () => [{ action: 'view_survival' }, { action: 'train_model' }],
  ),
  TEN_METRIC_UNKNOWN_SEGMENT: def<{ segment: string; known: string[] }>(
    400,
    {
      en: (a) => `${quote(a.segment)} is not a segment dimension of this workspace`,
      'zh-CN': (a) => `${q(a.segment)} 不是本工作区的细分维度`,
    },
    {
      en: (a, on) =>
        `Use one of: ${a.known.join(', ') || '(none yet)'}. ${by(on, { cli: 'Customer attributes become dimensions when listed under "dimensions" in tenure.config.json.', web: 'Customer attributes become dimensions when an admin lists them as dimensions in Settings.', api: 'Customer attributes become dimensions when listed in the settings’ dimensions.' })}`,
      'zh-CN': (a, on) =>
        `请使用以下之一：${a.known.join('、') || '（暂无）'}。${by(on, { cli: '在 tenure.config.json 的 "dimensions" 中列出的客户属性才是维度。', web: '管理员在“设置”的维度中添加客户属性后，它才成为维度。', api: '在设置的 dimensions 中列出的客户属性才是维度。' })}`,
    },
  ),
  TEN_METRIC_MISSING_RATE: def<{ currency: string; date: string; workspace: string }>(
    422,
    {
      en: (a) =>
        `This figure needs an exchange rate from ${a.currency} to ${a.workspace} on ${a.date}, and there is none dated on or before that day`,
      'zh-CN': (a) => `该指标需要 ${a.date} 的 ${a.currency} 兑 ${a.workspace} 汇率，但没有该日或更早日期的汇率`,
    },
    {
      en: (a) =>
        `Import exchange rates with a rate for ${a.currency} dated ${a.date} or earlier; amounts are converted at the latest rate on or before their date.`,
      'zh-CN': (a) =>
        `请导入汇率，其中包含日期不晚于 ${a.date} 的 ${a.currency} 汇率；金额按其日期当日或之前最近的汇率折算。`,
    },
    () => [{ action: 'import_table', args: { entity: 'exchange_rates' } }],
  ),
  TEN_MODEL_UNKNOWN: def<{ name: string; known: string[] }>(
    404,
    { en: (a) => `Unknown model ${quote(a.name)}`, 'zh-CN': (a) => `未知的模型 ${q(a.name)}` },
    { en: (a) => `Models: ${a.known.join(', ')}.`, 'zh-CN': (a) => `可用的模型：${a.known.join('、')}。` },
  ),
  TEN_MODEL_INSUFFICIENT_DATA: def<{ model: string; detail: string; hint: Local; remedies?: Remedy[] }>(
    422,
    {
      en: (a) => `The data cannot support a ${a.model} fit: ${a.detail}`,
      'zh-CN': (a) => `数据不足以拟合 ${a.model} 模型：${a.detail}`,
    },
    { en: (a, on) => said(a.hint, 'en', on), 'zh-CN': (a, on) => said(a.hint, 'zh-CN', on) },
    // A fit's caller may name what to do, for each shell to word (rfm.ts: import orders).
    (a) => a.remedies ?? [],
  ),
  TEN_MODEL_NO_RUN: def<{ model: string }>(
    404,
    {
      en: (a) => `The ${a.model} model has not been fitted in this workspace yet`,
      'zh-CN': (a) => `本工作区尚未拟合 ${a.model} 模型`,
    },
    {
      en: () => 'Fit it first (an analyst can).',
      'zh-CN': () => '请先拟合该模型（分析师可以操作）。',
    },
    (a) => [{ action: 'fit_model', args: { model: a.model } }],
  ),
  TEN_MODEL_NO_CONVERGENCE: def<{ model: string; detail: string }>(
    422,
    {
      en: (a) => `The ${a.model} fit did not converge: ${a.detail}`,
      'zh-CN': (a) => `${a.model} 拟合未收敛：${a.detail}`,
    },
    {
      en: () =>
        'The data may not follow the model or be too few: try a longer calibration period, another time unit or a simpler model; the optimiser runs are in the diagnostics.',
      'zh-CN': () =>
        '数据可能不符合该模型，或数据太少：请尝试更长的校准期、其他时间单位或更简单的模型；优化过程见诊断信息。',
    },
  ),
  TEN_MODEL_DEGENERATE: def<{ model: string; detail: string; hint: Local }>(
    422,
    { en: (a) => `The ${a.model} fit is degenerate: ${a.detail}`, 'zh-CN': (a) => `${a.model} 拟合退化：${a.detail}` },
    { en: (a, on) => said(a.hint, 'en', on), 'zh-CN': (a, on) => said(a.hint, 'zh-CN', on) },
  ),
  TEN_PREDICT_NO_MODEL: def<Record<string, never>>(
    404,
    { en: () => 'No churn model has been trained in this workspace', 'zh-CN': () => '本工作区尚未训练流失模型' },
    {
      en: () => 'Train one first (an analyst can).',
      'zh-CN': () => '请先训练一个流失模型（分析师可以操作）。',
    },
    () => [{ action: 'train_model' }],
  ),
  TEN_PREDICT_BAD_MODEL: def<{ detail: string }>(
    422,
    { en: (a) => `The churn model cannot be used: ${a.detail}`, 'zh-CN': (a) => `流失模型无法使用：${a.detail}` },
    {
      en: () => 'Retrain it on this workspace; models are saved as versioned JSON.',
      'zh-CN': () => '请在本工作区重新训练；模型以带版本的 JSON 保存。',
    },
    () => [{ action: 'train_model' }],
  ),
  TEN_PREDICT_UNKNOWN_CUSTOMER: def<{ customer: string }>(
    404,
    { en: (a) => `No score for customer ${quote(a.customer)}`, 'zh-CN': (a) => `客户 ${q(a.customer)} 没有评分` },
    {
      en: () => 'Check the id, and score the customers so every active customer has a current score.',
      'zh-CN': () => '请检查编号，并为客户评分，让每个活跃客户都有最新评分。',
    },
    () => [{ action: 'score_customers' }],
  ),
  TEN_PREDICT_TEST_IDS_NOT_FOUND: def<{ file: string }>(
    404,
    { en: (a) => `Test ids file not found: ${a.file}`, 'zh-CN': (a) => `找不到测试集编号文件：${a.file}` },
    {
      en: () => 'Check the path (relative paths are resolved from the current directory): one customer id per line.',
      'zh-CN': () => '请检查路径（相对路径从当前目录算起）：文件中每行一个客户编号。',
    },
  ),
  TEN_PREDICT_TEST_IDS: def<{ file: string; detail: string }>(
    422,
    {
      en: (a) => `The test ids in ${a.file} cannot be used: ${a.detail}`,
      'zh-CN': (a) => `${a.file} 中的测试集编号无法使用：${a.detail}`,
    },
    {
      en: () =>
        'Give a text file with one customer id per line (a header line customer_id is allowed), naming customers of this workspace.',
      'zh-CN': () => '请提供每行一个客户编号的文本文件（可有表头 customer_id），且须为本工作区的客户。',
    },
  ),
} as const;
