<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Payable: —</source>
        <translation>应付：—</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>请先扫描会员。</translation>
    </message>
    <message>
        <source>Cannot quote: {message}</source>
        <translation>无法报价：{message}</translation>
    </message>
    <message>
        <source>Type an amount for a category (F4).</source>
        <translation>请为某个品类输入金额（F4）。</translation>
    </message>
    <message>
        <source>Payable: {amount}</source>
        <translation>应付：{amount}</translation>
    </message>
    <message>
        <source>Subtotal {subtotal} · savings {savings}</source>
        <translation>小计 {subtotal} · 优惠 {savings}</translation>
    </message>
    <message>
        <source>Points to earn: {total}</source>
        <translation>本单可得积分：{total}</translation>
    </message>
    <message>
        <source>  = base {base} + tier {tier} + PLUS {plus} + campaign {campaign}</source>
        <translation>  = 基础 {base} + 等级 {tier} + PLUS {plus} + 活动 {campaign}</translation>
    </message>
    <message>
        <source>Points used: {points} (−{amount})</source>
        <translation>使用积分：{points}（−{amount}）</translation>
    </message>
    <message>
        <source>Points usable: up to {n}</source>
        <translation>最多可用积分：{n}</translation>
    </message>
    <message>
        <source>Coupon {code}: −{amount}</source>
        <translation>优惠券 {code}：−{amount}</translation>
    </message>
    <message>
        <source>PLUS saved {amount}</source>
        <translation>PLUS 已省 {amount}</translation>
    </message>
    <message>
        <source>PLUS would have saved {amount}</source>
        <translation>开通 PLUS 本单可省 {amount}</translation>
    </message>
    <message>
        <source>Checkout (F4)</source>
        <translation>结账（F4）</translation>
    </message>
    <message>
        <source>{category} ¥</source>
        <translation>{category} ¥</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>优惠券码</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Confirm and award points (F9)</source>
        <translation>确认并发放积分（F9）</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>That PIN is not right. Try again, or ask a supervisor.</source>
        <translation>PIN 码不正确。请重试，或请主管协助。</translation>
    </message>
    <message>
        <source>Scan a member code or type a member number or phone.</source>
        <translation>请扫描会员码，或输入会员号或手机号。</translation>
    </message>
    <message>
        <source>Enter at least one amount.</source>
        <translation>请至少输入一个金额。</translation>
    </message>
    <message>
        <source>Points to use cannot be negative.</source>
        <translation>使用积分不能为负数。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 到 8 位数字。</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Signed in as {name}. Scan a member code.</source>
        <translation>已登录：{name}。请扫描会员码。</translation>
    </message>
    <message>
        <source>Scan a member first, then press F4.</source>
        <translation>请先扫描会员，再按 F4。</translation>
    </message>
    <message>
        <source>Member {member_id} found. F4 to ring up a sale.</source>
        <translation>已找到会员 {member_id}。按 F4 开始结账。</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>请先扫描会员。</translation>
    </message>
    <message>
        <source>Sale recorded: receipt {receipt}, paid {payable}, {earned} points earned, balance {balance} points.</source>
        <translation>交易已记录：小票 {receipt}，实付 {payable}，获得 {earned} 积分，余额 {balance} 积分。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log. Look the member up again before you retry, or call a supervisor.</source>
        <translation>发生意外错误（{kind}），已记录到日志。重试前请重新查询会员，或请主管协助。</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>完成：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Terminal {terminal} · Store {store}</source>
        <translation>终端 {terminal} · 门店 {store}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Sync stopped — {n} events waiting; call the service desk</source>
        <translation>同步已停止 — {n} 条记录待同步；请联系服务台</translation>
    </message>
    <message>
        <source>Online — {n} events waiting · last sync {time}</source>
        <translation>在线 — {n} 条记录待同步 · 上次同步 {time}</translation>
    </message>
    <message>
        <source>Offline — {n} events waiting</source>
        <translation>离线 — {n} 条记录待同步</translation>
    </message>
    <message>
        <source>MemberDesk — terminal {terminal}</source>
        <translation>MemberDesk 会员台 — 终端 {terminal}</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Confirm and award points</source>
        <translation>确认并发放积分</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>会员(&amp;M)</translation>
    </message>
    <message>
        <source>Scan the member code, or type a member number or phone, then Enter</source>
        <translation>扫描会员码，或输入会员号或手机号，然后按回车</translation>
    </message>
    <message>
        <source>F3 Find member · F4 Checkout · F9 Confirm (Ctrl+Enter) · Esc Back · F10 Sign out · F12 Language</source>
        <translation>F3 查找会员 · F4 结账 · F9 确认（Ctrl+回车） · Esc 返回 · F10 退出登录 · F12 语言</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No member found for {query}. Check the number, or enroll the customer.</source>
        <translation>未找到 {query} 对应的会员。请核对号码，或为顾客办理入会。</translation>
    </message>
    <message>
        <source>No member {member_id} on this terminal. Check the number, or enroll the customer.</source>
        <translation>本终端没有会员 {member_id}。请核对号码，或为顾客办理入会。</translation>
    </message>
    <message>
        <source>The member has {balance} points; {requested} cannot be used.</source>
        <translation>该会员有 {balance} 积分，不能使用 {requested} 积分。</translation>
    </message>
    <message>
        <source>Points to use: {text} is not a whole number.</source>
        <translation>使用积分：{text} 不是整数。</translation>
    </message>
    <message>
        <source>{field}: {text} is not an amount; type yuan with at most two decimals, e.g. 12.50</source>
        <translation>{field}：{text} 不是有效金额；请输入最多两位小数的元金额，例如 12.50</translation>
    </message>
    <message>
        <source>At most {max_points} points can be used on this purchase.</source>
        <translation>本单最多可使用 {max_points} 积分。</translation>
    </message>
</context>
<context>
    <name>MemberCardView</name>
    <message>
        <source>No member yet.
Scan the member code, or type a member number or phone number, then press Enter.</source>
        <translation>尚无会员。
请扫描会员码，或输入会员号或手机号，然后按回车。</translation>
    </message>
    <message>
        <source>PLUS until {date}</source>
        <translation>PLUS 有效至 {date}</translation>
    </message>
    <message>
        <source>No PLUS</source>
        <translation>非 PLUS</translation>
    </message>
    <message>
        <source>Member {member_id} · Phone {phone}</source>
        <translation>会员 {member_id} · 手机 {phone}</translation>
    </message>
    <message>
        <source>Tier: {tier}</source>
        <translation>等级：{tier}</translation>
    </message>
    <message>
        <source>{missing} growth to {tier} (growth {growth})</source>
        <translation>距{tier}还差 {missing} 成长值（当前 {growth}）</translation>
    </message>
    <message>
        <source>Top tier reached (growth {growth})</source>
        <translation>已达最高等级（成长值 {growth}）</translation>
    </message>
    <message>
        <source>{points} points, worth {value}</source>
        <translation>{points} 积分，价值 {value}</translation>
    </message>
    <message>
        <source>{n} points owed from refunds</source>
        <translation>退款欠扣 {n} 积分</translation>
    </message>
    <message>
        <source>Expiring soon: {points} points on {date}</source>
        <translation>即将过期：{points} 积分将于 {date} 过期</translation>
    </message>
    <message>
        <source>No points expiring soon</source>
        <translation>近期无积分过期</translation>
    </message>
    <message>
        <source>Stage: {stage} — {action}</source>
        <translation>阶段：{stage} — {action}</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>阶段：{stage}</translation>
    </message>
    <message>
        <source>(coupon {code})</source>
        <translation>（优惠券 {code}）</translation>
    </message>
    <message>
        <source>Birthday: {note}</source>
        <translation>生日：{note}</translation>
    </message>
    <message>
        <source>{medal} {level}/{levels}</source>
        <translation>{medal} {level}/{levels}</translation>
    </message>
    <message>
        <source>Medals: {list}</source>
        <translation>勋章：{list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{code} ({name}, until {date})</source>
        <translation>{code}（{name}，有效至 {date}）</translation>
    </message>
    <message>
        <source>Coupons: {list}</source>
        <translation>优惠券：{list}</translation>
    </message>
    <message>
        <source>Benefits: {list}</source>
        <translation>权益：{list}</translation>
    </message>
    <message>
        <source>All changes confirmed by the ledger</source>
        <translation>所有变更均已由总账确认</translation>
    </message>
    <message>
        <source>1 change not yet confirmed by the ledger</source>
        <translation>1 项变更尚未由总账确认</translation>
    </message>
    <message>
        <source>{n} changes not yet confirmed by the ledger</source>
        <translation>{n} 项变更尚未由总账确认</translation>
    </message>
    <message>
        <source>new member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>成长中</translation>
    </message>
    <message>
        <source>loyal</source>
        <translation>忠诚</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>流失</translation>
    </message>
</context>
<context>
    <name>RuleBook</name>
    <message>
        <source>Bronze</source>
        <translation>铜卡</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <source>Points on every purchase</source>
        <translation>每次消费均可积分</translation>
    </message>
    <message>
        <source>10% more points</source>
        <translation>积分多 10%</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼品</translation>
    </message>
    <message>
        <source>20% more points</source>
        <translation>积分多 20%</translation>
    </message>
    <message>
        <source>2% off</source>
        <translation>9.8 折</translation>
    </message>
    <message>
        <source>Free gift wrapping</source>
        <translation>免费礼品包装</translation>
    </message>
    <message>
        <source>50% more points</source>
        <translation>积分多 50%</translation>
    </message>
    <message>
        <source>5% off</source>
        <translation>9.5 折</translation>
    </message>
    <message>
        <source>Free parking 3 h</source>
        <translation>免费停车 3 小时</translation>
    </message>
    <message>
        <source>Priority service desk</source>
        <translation>服务台优先</translation>
    </message>
    <message>
        <source>2x points</source>
        <translation>双倍积分</translation>
    </message>
    <message>
        <source>3% off</source>
        <translation>9.7 折</translation>
    </message>
    <message>
        <source>5% off grocery</source>
        <translation>超市 9.5 折</translation>
    </message>
    <message>
        <source>8% off dining</source>
        <translation>餐饮 9.2 折</translation>
    </message>
    <message>
        <source>Cinema: 2 tickets a month at half price</source>
        <translation>影院：每月 2 张半价票</translation>
    </message>
    <message>
        <source>Car wash: 1 a month free</source>
        <translation>洗车：每月免费 1 次</translation>
    </message>
    <message>
        <source>Grocery</source>
        <translation>超市</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>服饰</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>数码电器</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>美妆</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Gourmet</source>
        <translation>美食家</translation>
    </message>
    <message>
        <source>Trendsetter</source>
        <translation>潮流达人</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>常客</translation>
    </message>
    <message>
        <source>Critic</source>
        <translation>评论家</translation>
    </message>
    <message>
        <source>Welcome: explain how points work</source>
        <translation>欢迎：介绍积分规则</translation>
    </message>
    <message>
        <source>Mention the next tier and what it brings</source>
        <translation>介绍下一等级及其权益</translation>
    </message>
    <message>
        <source>Thank them; offer PLUS if not a member</source>
        <translation>表示感谢；如非 PLUS 会员，推荐开通 PLUS</translation>
    </message>
    <message>
        <source>Offer the win-back coupon</source>
        <translation>赠送回归优惠券</translation>
    </message>
    <message>
        <source>Offer the win-back coupon and check the phone number</source>
        <translation>赠送回归优惠券，并核对手机号</translation>
    </message>
    <message>
        <source>Birthday month: offer the birthday gift</source>
        <translation>生日月：赠送生日礼品</translation>
    </message>
    <message>
        <source>PLUS monthly 10 yuan off 100</source>
        <translation>PLUS 每月满 100 减 10 元</translation>
    </message>
    <message>
        <source>We missed you: 20 yuan off 150</source>
        <translation>欢迎回来：满 150 减 20 元</translation>
    </message>
    <message>
        <source>10% off dining</source>
        <translation>餐饮 9 折</translation>
    </message>
    <message>
        <source>A free coffee</source>
        <translation>免费咖啡一杯</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Cashier (↑ ↓ to choose)</source>
        <translation>收银员(&amp;C)（↑ ↓ 选择）</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>请输入 PIN 码</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <source>Enter signs in · Esc clears the PIN · F12 changes the language</source>
        <translation>回车登录 · Esc 清除 PIN 码 · F12 切换语言</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
    <message>
        <source>Not signed in: {message}</source>
        <translation>未登录：{message}</translation>
    </message>
</context>
</TS>
