/**
 * Stop words: function words that carry no topic or sentiment of their own, dropped before counting. Short lists
 * on purpose (the topic scores already discount what every document says); negations (不, 没, not, no) are kept,
 * since "not fast" and "no signal" are what detractors write.
 */

/** English: articles, pronouns, auxiliaries, prepositions, conjunctions. */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so than too very just also as at by for from in into of on onto to with about ' +
    'i me my mine we us our ours you your yours he him his she her it its they them their this that these those ' +
    'is am are was were be been being do does did doing have has had having will would shall should can could ' +
    'may might must there here what which who whom whose when where why how all any both each few more most ' +
    'other some such only own same again once up down out over under off s t d ll m re ve y get got please ' +
    'really still even much many lot lots thing things one ok okay well yes hi hello thanks thank dear regards'
  ).split(' '),
);

/** Chinese: particles, pronouns, adverbs of degree, conjunctions and prepositions as jieba cuts them. */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 我 你 他 她 它 我们 你们 他们 在 也 都 就 和 与 及 或 而 但 但是 还 还是 又 很 太 非常 比较 ' +
    '一个 这个 那个 这 那 这些 那些 有 个 把 被 给 让 对 对于 从 到 向 于 以 为 为了 因为 所以 如果 ' +
    '虽然 然后 而且 并且 吗 呢 吧 啊 呀 哦 嗯 啦 嘛 着 过 得 地 之 其 些 每 各 该 此 等 等等 ' +
    '一下 一直 已经 总是 有点 有些 可以 能 会 要 想 觉得 感觉 真的 真是 实在 其实 现在 今天 最近 ' +
    '自己 大家 什么 怎么 怎么样 如何 哪 哪里 这样 那样 一样 请 谢谢 您好 你好 您 麻烦 希望 ' +
    '， 。 ！ ？ 、 ； ： “ ” ‘ ’ （ ） … —'
  ).split(' '),
);
