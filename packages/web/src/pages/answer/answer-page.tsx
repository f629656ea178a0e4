import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Input, Radio, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type ApiError, api } from '../../api/client.ts';
import type { PublicSurvey } from '../../api/types.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Question = PublicSurvey['questions'][number];
type Value = number | string | string[];

/** What a refused link means to its respondent, in their words; other problems show as the server words them. */
const LINK_MESSAGES = {
  TEN_SURVEY_LINK_UNKNOWN: 'answer.unknown',
  TEN_SURVEY_LINK_EXPIRED: 'answer.expired',
  TEN_SURVEY_LINK_USED: 'answer.used',
} as const;
const linkMessage = (e: ApiError) => LINK_MESSAGES[e.problem.code as keyof typeof LINK_MESSAGES];

/** A 0–10 or 1–5 scale as a row of buttons that wraps on a phone. */
function Scale({ q, value, onChange }: { q: Question; value: Value | undefined; onChange: (v: number) => void }) {
  const { t } = useI18n();
  const [lo, hi] = q.type === 'scale_0_10' ? [0, 10] : [1, 5];
  return (
    <div>
      <Radio.Group
        aria-label={q.text}
        value={value}
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => onChange(e.target.value as number)}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
        options={Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }))}
      />
      {q.type === 'scale_0_10' && (
        <Flex justify="space-between" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('answer.low')}</Typography.Text>
          <Typography.Text type="secondary">{t('answer.high')}</Typography.Text>
        </Flex>
      )}
    </div>
  );
}

function Field({ q, value, onChange }: { q: Question; value: Value | undefined; onChange: (v: Value) => void }) {
  const { t } = useI18n();
  if (q.type === 'scale_0_10' || q.type === 'scale_1_5') return <Scale q={q} value={value} onChange={onChange} />;
  const options = (q.options ?? []).map((o) => ({ value: o.id, label: o.text }));
  if (q.type === 'single')
    return (
      <Radio.Group
        aria-label={q.text}
        value={value}
        onChange={(e) => onChange(e.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={options}
      />
    );
  if (q.type === 'multiple')
    return (
      <Checkbox.Group
        aria-label={q.text}
        value={(value as string[] | undefined) ?? []}
        onChange={(v) => onChange(v as string[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={options}
      />
    );
  return (
    <Input.TextArea
      aria-label={q.text}
      value={(value as string | undefined) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      placeholder={t('answer.placeholder')}
      autoSize={{ minRows: 3, maxRows: 8 }}
      maxLength={5000}
    />
  );
}

/**
 * The public answer page (`/s/:token`, outside the login): the survey of a link in its respondent's language,
 * one question after another in a column that fits a phone, and a clear word for a link that is unknown,
 * expired or used. Texts are rendered as text (React escapes them), never as HTML.
 */
export default function AnswerPage() {
  const { token = '' } = useParams();
  const { t, lang, setLang } = useI18n();
  const path = `/api/v1/answers/${encodeURIComponent(token)}`;
  const survey = useQuery<PublicSurvey, ApiError>({
    queryKey: ['answer', token],
    queryFn: () => api.get<PublicSurvey>(path),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const send = useMutation<unknown, ApiError>({ mutationFn: () => api.post(path, { json: { answers } }) });

  // The page speaks the invitation's language, whatever this browser chose before.
  const surveyLang = survey.data?.lang;
  useEffect(() => {
    if (surveyLang && surveyLang !== lang) setLang(surveyLang);
  }, [surveyLang, lang, setLang]);

  const frame = (children: React.ReactNode) => (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 16 }} data-testid="answer-page">
      {children}
    </div>
  );
  if (survey.isPending) return frame(<Spin />);
  if (survey.error) {
    const known = linkMessage(survey.error);
    return frame(
      known ? (
        <div data-testid="answer-refused">
          <Result status="warning" title={t(known)} />
        </div>
      ) : (
        <ProblemAlert error={survey.error} />
      ),
    );
  }
  if (send.isSuccess)
    return frame(
      <div data-testid="answer-thanks">
        <Result status="success" title={t('answer.thanks')} />
      </div>,
    );
  const s = survey.data;
  const refusedLink = send.error ? linkMessage(send.error) : undefined;
  if (refusedLink)
    return frame(
      <div data-testid="answer-refused">
        <Result status="warning" title={t(refusedLink)} />
      </div>,
    );
  const wrongQuestion = (send.error?.problem.where as { path?: string } | undefined)?.path?.replace(/^answers\./, '');
  return frame(
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {s.title}
      </Typography.Title>
      {s.intro && <Typography.Paragraph>{s.intro}</Typography.Paragraph>}
      {s.questions.map((q) => (
        <Card
          key={q.id}
          size="small"
          data-question={q.id}
          data-refused={wrongQuestion === q.id || undefined}
          style={wrongQuestion === q.id ? { borderColor: '#ff4d4f' } : undefined}
          title={
            <span style={{ whiteSpace: 'normal' }}>
              {q.text}
              {q.required && <Typography.Text type="danger"> *</Typography.Text>}
            </span>
          }
        >
          <Field q={q} value={answers[q.id]} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} />
        </Card>
      ))}
      {send.error && <ProblemAlert error={send.error} />}
      <Button type="primary" size="large" block loading={send.isPending} onClick={() => send.mutate()}>
        {t('answer.submit')}
      </Button>
    </Flex>,
  );
}
