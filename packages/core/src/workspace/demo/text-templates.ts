/**
 * What the demo's customers write, per planted topic and language: clauses (each a template expanded over its
 * synonyms), openers and closers shared by all topics, and the names a clause may mention ({p}: a product or
 * plan, {c}: a competitor). A text is opener + clause + (maybe) a second clause of the same topic + closer, so
 * no two topics differ by one fixed sentence and the analysis has to find them from their words.
 */

/** The planted topics, in the order ground-truth.json lists them. */
export const TEXT_TOPICS = ['network', 'price', 'billing', 'device', 'service', 'competitor', 'praise'] as const;
export type TextTopic = (typeof TEXT_TOPICS)[number];

/** `a{x|y}b` → ['axb', 'ayb'] for every brace group: one template, its synonyms spelt out. */
export function expand(template: string): string[] {
  const m = /\{([^{}]*\|[^{}]*)\}/.exec(template);
  if (!m) return [template];
  return m[1]!
    .split('|')
    .flatMap((alt) => expand(template.slice(0, m.index) + alt + template.slice(m.index + m[0].length)));
}

const all = (templates: readonly string[]) => templates.flatMap(expand);

const ZH: Record<TextTopic, string[]> = {
  network: all([
    '{家里|公司|小区里}的{网络信号|信号}{很差|太差了|时好时坏}',
    '{网络|宽带网络}{经常|老是|总是}{掉线|断线|断开}',
    '{网速|网络速度}{特别|非常}慢，{网络|信号}{一直卡|很不稳定}',
    '{晚上|周末}{网络|信号}{经常|总是}中断，{打电话|通话}也{听不清|断断续续}',
    '{p}的{网络|信号}覆盖{太差|不行}，{地下室|电梯里}{完全没信号|没有网络}',
  ]),
  price: all([
    '{涨价|价格上调}{以后|之后}{月费|套餐价格}{太贵了|贵了不少|明显高了}',
    '{p}{涨价|价格上涨}{没有提前通知|太突然了}',
    '{价格|收费}{越来越贵|涨得太多}，{性价比|价格优势}{太低|不如以前}',
    '{涨价后|价格上调后}每月{多交|多付}{十几块|不少钱}，{不值这个价|价格不划算}',
    '{p}{价格|月费}{涨了|上调了}{百分之十|一成}，{涨价|这个价格}{接受不了|难以接受}',
  ]),
  billing: all([
    '{账单|话费账单}{金额|扣费}{不对|有错误|算错了}',
    '{被|又被}{重复扣费|多扣费|扣费两次}，账单{对不上|有问题}',
    '{发票|账单明细}{一直没收到|开错了}',
    '{退款|多扣的费用}{迟迟没到账|一直没退}，账单{没更正|还是错的}',
    '{p}{自动扣费|扣费}{出错|有问题}，{账单|扣费明细}{看不懂|不清楚}',
  ]),
  device: all([
    '{路由器|光猫|机顶盒}{坏了|用不了|经常死机}',
    '{附加服务|增值业务}{开通不了|无法激活}，{路由器|设备}{没有反应|不工作}',
    '{上门安装|安装}{师傅|人员}{一直没来|迟到很久}，{设备|路由器}{没装好|装错了}',
    '{p}的{设备|机顶盒}{需要重启|总要重启}才能用',
    '{新|换的}{路由器|机顶盒}{指示灯不亮|没法连接}',
  ]),
  service: all([
    '{客服|人工客服}{一直没人回电|不回电话|答应回电却没回}',
    '{门店|营业厅}{店员|客服}{给了错误信息|说法不一致}',
    '{客服|客服人员}态度{很差|冷淡|敷衍}',
    '{打客服电话|找客服}{等了很久|要等半小时}，{投诉|问题}{没人处理|一直没解决}',
    '{投诉|找客服反映}{好几次|多次}{都没结果|没人跟进}',
  ]),
  competitor: all([
    '{c}{在搞优惠|优惠更大|更便宜}，{打算|准备}{转网|换过去}',
    '{朋友|同事}{推荐|介绍}{c}，{说|听说}{c}{更便宜|优惠多}',
    '{c}{送流量|首年半价}，{打算|准备}{转网|换运营商}',
    '{已经|正在}{考虑|比较}{c}的{套餐|优惠}',
    '{别家|其他运营商}{优惠|送的}更多，{想|准备}{转网|换运营商}',
  ]),
  praise: all([
    '{网络|信号}{很稳定|一直很好|非常流畅}，{很满意|挺满意}',
    '{客服|工作人员}{很耐心|态度很好|很专业}，{很满意|非常满意}',
    '{p}{很好用|体验不错|用着很满意}',
    '{会|愿意}{推荐给|介绍给}{朋友|家人|同事}，{很满意|总体满意}',
    '{总体|整体}{很满意|非常满意|挺满意}，{继续保持|点个赞|值得表扬}',
  ]),
};

const EN: Record<TextTopic, string[]> = {
  network: all([
    '{no|weak|poor} network signal {at home|in the office|in my building}',
    'the network connection keeps {dropping|cutting out|disconnecting}',
    'the network is {painfully|really} slow and the signal {drops|fades}',
    '{calls|video calls} {drop|break up} every {evening|weekend}, the network signal is {bad|terrible}',
    '{p} network coverage is {terrible|awful|useless}, no signal {in the basement|in the lift|indoors}',
  ]),
  price: all([
    'after the price {rise|increase|hike} the monthly price is {too high|way too expensive}',
    'the {p} price {went up|was raised} {without notice|with no warning}',
    'prices keep {going up|rising} and the price is {not worth it|too expensive}',
    'paying {ten percent|a lot} more since the price {rise|increase} is not worth it',
    'the new price for {p} is {unacceptable|too expensive|a rip-off}',
  ]),
  billing: all([
    'my {bill|invoice} is {wrong|incorrect|higher than it should be}',
    'I was {charged twice|double charged|overcharged} on my bill',
    'the bill {breakdown|statement} {never arrived|has errors}',
    'the refund for the {wrong bill|double charge} {never came|still has not arrived}',
    'the {automatic payment|direct debit} for {p} {charged the wrong amount|failed}, the bill is wrong',
  ]),
  device: all([
    'the {router|modem|set-top box} {stopped working|keeps freezing|is broken}',
    'cannot {activate|enable} the {add-on|extra package} on the {router|device}',
    'the {installer|technician} {never showed up|came late} and the {router|device} {is not set up|was installed wrong}',
    'the {p} {device|router} needs a {restart|reboot} every day',
    'the new {router|modem} device {lights stay off|will not connect}',
  ]),
  service: all([
    '{nobody|no one} from support {called me back|returned my call} {as promised|after three days}',
    'the {store|support} staff gave me {wrong information|contradicting answers}',
    'the support {agent|staff} was {rude|dismissive|unhelpful}',
    'waited {on hold|in the queue} for support {for ages|half an hour} and {my complaint|the issue} was never handled',
    'complained to support {several times|three times} with {no follow-up|no answer}',
  ]),
  competitor: all([
    '{c} {has a better offer|is running a promotion|is cheaper} so I am switching to {c}',
    'a {friend|colleague} recommended {c} and their offer is better',
    '{c} offers {double data|the first year at half price}, thinking of switching',
    'I am {comparing|looking at} the offer from {c}',
    'other providers have a better offer, {thinking of|planning on} switching',
  ]),
  praise: all([
    'the {network|signal} is {stable|excellent|rock solid}, very happy',
    'the {agent|staff} was {patient|friendly|professional} and {very helpful|great}, very happy',
    '{p} {works great|is excellent|is a pleasure to use}',
    'I would {recommend|happily recommend} it to {friends|family|colleagues}, great service',
    '{very happy|really satisfied|delighted} overall, {keep it up|great job|well done}',
  ]),
};

/** Clauses per language and topic. */
export const CLAUSES = { zh: ZH, en: EN } as const;

/** Openers and closers: filler every topic shares (complaints and praise close differently). */
export const FILLER = {
  zh: {
    open: ['', '', '说实话，', '总的来说，', '这个月', '用了两年了，', '最近', '反馈一下：'],
    complaintClose: ['', '。', '，希望尽快改进。', '，请尽快处理！', '，太失望了。', '，麻烦跟进一下。'],
    praiseClose: ['', '。', '，谢谢！', '，辛苦了。', '！'],
    and: ['，而且', '，另外', '，还有'],
  },
  en: {
    open: ['', '', 'Honestly, ', 'To be fair, ', 'This month ', 'After two years, ', 'Lately ', 'Feedback: '],
    complaintClose: ['', '.', '. Please fix this.', '. Very disappointed.', '. Hope it gets better.', '!'],
    praiseClose: ['', '.', '. Thanks!', '. Thank you.', '!'],
    and: [', and ', '. Also ', ', plus '],
  },
} as const;

/** Names a clause may mention. */
export const NAMES = {
  zh: {
    product: ['手机套餐', '宽带', '电视', '基础版', '标准版', '尊享版'],
    competitor: ['云帆移动', '峰汇电信', '蓝海通信'],
  },
  en: {
    product: ['the mobile plan', 'broadband', 'the tv package', 'Basic', 'Standard', 'Premium'],
    competitor: ['Nimbus Mobile', 'Vertex Telecom', 'BlueWave'],
  },
} as const;

/** The user dictionary the demo declares: its product, plan and competitor names, kept whole by the segmenter. */
export const DEMO_DICTIONARY = [...NAMES.zh.competitor, '尊享版', '基础版', '标准版', ...NAMES.en.competitor];
