import { Alert, Button, Col, Flex, Form, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useSettings } from '../../api/resources.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { useFieldErrors } from '../../components/case-field-errors.tsx';
import { CaseStageTag } from '../../components/case-stage-tag.tsx';
import { nextStage } from '../../components/case-terms.ts';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseControls } from './case-controls.tsx';
import { CaseFacts } from './case-facts.tsx';
import { CaseStepper } from './case-stepper.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { StaleNotice } from './stale-notice.tsx';
import { isStepStage } from './step-fields.tsx';
import { StepForm } from './step-form.tsx';
import { useCaseWrite } from './use-case-write.ts';

/**
 * One case: the five steps as a stepper, the form the next step needs, the controls to assign, comment, reopen
 * and cancel, what has been recorded and the timeline. Every write carries the version shown; a refused one
 * keeps what was typed (the forms belong to this page, not to the parts that a reload redraws).
 */
export default function CasePage() {
  const { t, term } = useI18n();
  const { case_id: id = '' } = useParams();
  const { user } = useAuth();
  const state = useApi<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
  const config = useSettings().data?.cases;
  const [stepForm] = Form.useForm();
  const [workForm] = Form.useForm();
  const w = useCaseWrite(id, state.data?.case.version, state.reload);
  const refused = useFieldErrors(stepForm, w.error);
  const canWork = atLeast(user, 'analyst');
  const reload = () => {
    w.clear();
    state.reload();
  };
  const row = state.data?.case;
  return (
    <Page
      title={
        <Flex gap={12} align="center" wrap>
          <span>{t('case.title', { id })}</span>
          {row && <CaseStageTag stage={row.stage} />}
          {row && row.reopen_count > 0 && (
            <Typography.Text type="secondary">{t('cases.reopened', { n: row.reopen_count })}</Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Link to="/cases">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Loadable state={state}>
        {({ case: c, events }) => {
          const step = nextStage(c.stage);
          return (
            <Flex vertical gap={16}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
                {c.subject}
              </Typography.Title>
              <CaseStepper row={c} events={events} />
              {w.stale !== undefined && <StaleNotice version={w.stale} onReload={reload} />}
              {w.error && w.stale === undefined && !refused && <ProblemAlert error={w.error} />}
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Flex vertical gap={16}>
                    {!isStepStage(step) ? (
                      <Alert
                        type="info"
                        data-testid="case-ended"
                        title={t('case.ended', { stage: term('caseStage', c.stage) })}
                        description={c.stage === 'closed' && canWork ? t('case.closedNext') : undefined}
                      />
                    ) : (
                      canWork && (
                        <StepForm
                          row={c}
                          step={step}
                          form={stepForm}
                          config={config}
                          busy={w.busy}
                          refused={refused}
                          onMove={(body) => w.write('moves', body).then((ok) => ok && stepForm.resetFields())}
                        />
                      )
                    )}
                    {canWork && <CaseControls row={c} form={workForm} busy={w.busy} write={w.write} />}
                    <CaseFacts row={c} config={config} />
                  </Flex>
                </Col>
                <Col xs={24} xl={10}>
                  <CaseTimeline events={events} config={config} />
                </Col>
              </Row>
            </Flex>
          );
        }}
      </Loadable>
    </Page>
  );
}
