import { Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { TeamScatter } from './team-scatter.tsx';
import type { TeamRow } from './types.ts';

/**
 * The employee side: survey answers by dimension (environment, content of work, pay, training, and any of
 * the workspace's own) overall and by team, and whether teams that are happier handle their cases better.
 */
export function EmployeesTab() {
  const { t, fmt, lang, freeTerm } = useI18n();
  const state = useApi('/api/v1/voice/employees');
  const teams = useApi('/api/v1/teams');
  const teamLabel = (team: string) => teams.data?.teams.find((x) => x.team === team)?.label[lang] ?? team;
  const dim = (d: string) => freeTerm('builder.dimension', d);
  return (
    <Loadable state={state}>
      {(d) =>
        !d.overall.length ? (
          <Empty description={t('employees.none')} data-testid="empty" />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Paragraph type="secondary">{t('employees.intro')}</Typography.Paragraph>
            <Card>
              <Table<TeamRow>
                size="small"
                rowKey="team"
                data-testid="employees-table"
                pagination={false}
                scroll={{ x: true }}
                dataSource={d.teams}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <b>{t('employees.overall')}</b>
                    </Table.Summary.Cell>
                    {d.dimensions.map((x, i) => (
                      <Table.Summary.Cell index={3 + i} key={x} align="right">
                        {fmt.number(d.overall.find((o) => o.dimension === x)?.mean, 2)}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )}
                columns={[
                  { title: t('employees.col.team'), render: (_, r) => teamLabel(r.team) },
                  { title: t('employees.col.respondents'), align: 'right', dataIndex: 'respondents' },
                  {
                    title: t('employees.col.satisfaction'),
                    align: 'right',
                    render: (_, r) => fmt.percent(r.satisfaction),
                  },
                  ...d.dimensions.map((x) => ({
                    title: dim(x),
                    align: 'right' as const,
                    render: (_: unknown, r: TeamRow) =>
                      fmt.number(r.dimensions.find((y) => y.dimension === x)?.mean, 2),
                  })),
                  { title: t('employees.col.cases'), align: 'right', dataIndex: 'cases_closed' },
                  { title: t('employees.col.csat'), align: 'right', render: (_, r) => fmt.number(r.case_csat, 2) },
                  { title: t('employees.col.saveRate'), align: 'right', render: (_, r) => fmt.percent(r.save_rate) },
                ]}
              />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <TeamScatter
                  testId="team-csat"
                  title={t('employees.vsCsat')}
                  teams={d.teams}
                  y={(r) => r.case_csat}
                  correlation={d.csat}
                  percent={false}
                  label={teamLabel}
                />
              </Col>
              <Col xs={24} lg={12}>
                <TeamScatter
                  testId="team-save"
                  title={t('employees.vsSave')}
                  teams={d.teams}
                  y={(r) => r.save_rate}
                  correlation={d.save_rate}
                  percent
                  label={teamLabel}
                />
              </Col>
            </Row>
          </Flex>
        )
      }
    </Loadable>
  );
}
