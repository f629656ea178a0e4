import type { Lang } from '@tenure/core/present';
import { Alert, type FormInstance } from 'antd';
import { useEffect, useMemo } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { caseFieldLabel } from './case-field-value.ts';

/**
 * The fields a refused case write names, each with what it needs in the page's language: TEN_CASE_FIELD lists
 * them (`fields`), TEN_CASE_APPROVAL is about the approver. Null for any other problem.
 */
function refusedFields(error: ApiError | undefined, lang: Lang) {
  const p = error?.problem;
  if (p?.code === 'TEN_CASE_APPROVAL') return [{ field: 'approved_by', message: p.detail ?? p.title }];
  if (p?.code !== 'TEN_CASE_FIELD' || !p.fields) return null;
  return p.fields.map((f) => ({ field: f.field, missing: f.value === null, message: f.expected[lang] }));
}

/**
 * Puts a refused write's field problems on the form's own fields (the server is the one that checks them), and
 * returns the names of the refused fields, or null when the problem is not about fields.
 */
export function useFieldErrors(form: FormInstance, error: ApiError | undefined): string[] | null {
  const { t, lang } = useI18n();
  const refused = useMemo(() => refusedFields(error, lang), [error, lang]);
  useEffect(() => {
    if (!refused) return;
    form.setFields(
      refused.map((f) => ({
        name: f.field,
        // A missing field's control shows its choices already; a bad value gets what the field takes.
        errors: ['missing' in f && f.missing ? t('case.required') : f.message],
      })),
    );
  }, [form, refused, t]);
  return refused?.map((f) => f.field) ?? null;
}

/** What a refused step still needs, by the labels of its fields. */
export function CaseFieldErrors({ fields }: { fields: string[] }) {
  const i18n = useI18n();
  const names = fields.map((f) => caseFieldLabel(i18n, f)).join(i18n.t('common.and'));
  return <Alert type="error" showIcon data-testid="case-refused" title={i18n.t('case.refused', { fields: names })} />;
}
