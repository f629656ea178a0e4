import { type Entity, f } from './field.ts';

/** Retention campaigns and who was in them: the data that proves uplift against a control group. */
export const campaigns: Entity = {
  name: 'campaigns',
  doc: 'One row per retention campaign.',
  key: ['campaign_id'],
  extensible: true,
  fields: [
    f.id('campaign_id', 'Your identifier of the campaign.', { aliases: ['campaign', '活动编号', '活动id'] }),
    f.text('name', 'Campaign name.', { required: true, aliases: ['campaign_name', '活动名称', '名称'] }),
    f.text('kind', 'What it does: discount, call, email, upgrade…', { aliases: ['type', '类型'] }),
    f.at('started_at', 'When it started.', {
      required: true,
      notFuture: false,
      aliases: ['start', 'start_date', '开始日期'],
    }),
    f.at('ended_at', 'When it ended.', {
      notBefore: 'started_at',
      notFuture: false,
      aliases: ['end', 'end_date', '结束日期'],
    }),
    f.money('cost', 'What it cost in total.', { aliases: ['budget', 'spend', '成本', '费用'] }),
  ],
};

export const campaignMembers: Entity = {
  name: 'campaign_members',
  doc: 'Who was assigned to a campaign, and to which group.',
  key: ['campaign_id', 'customer_id'],
  extensible: true,
  // An assignment is made once: re-importing members adds new ones and never moves a stored one to the other arm.
  fixed: ['group', 'assigned_at'],
  fields: [
    f.id('campaign_id', 'The campaign.', { aliases: ['campaign', '活动编号', '活动id'] }),
    f.customer(),
    f.oneOf('group', ['treatment', 'control'], 'Treatment or control group.', {
      required: true,
      aliases: ['arm', 'variant', 'cohort', '组别', '分组'],
    }),
    f.at('assigned_at', 'When they were assigned.', { aliases: ['assigned', 'date', '分配日期'] }),
  ],
};
