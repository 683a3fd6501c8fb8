<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CardCodeDialog</name>
    <message>
        <source>Member card printed to {path}.</source>
        <translation>会员卡已打印到 {path}。</translation>
    </message>
    <message>
        <source>The card will be printed after the next sync.</source>
        <translation>会员卡将在下次同步后打印。</translation>
    </message>
    <message>
        <source>The card could not be written: {reason}</source>
        <translation>无法写入会员卡：{reason}</translation>
    </message>
    <message>
        <source>Save the member card</source>
        <translation>保存会员卡</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Welcome! Member card for {name}</source>
        <translation>欢迎入会！{name} 的会员卡</translation>
    </message>
    <message>
        <source>Member card for {name}</source>
        <translation>{name} 的会员卡</translation>
    </message>
    <message>
        <source>Member number {member_id}</source>
        <translation>会员号 {member_id}</translation>
    </message>
    <message>
        <source>Asking the ledger to sign the card code…</source>
        <translation>正在请总账签发会员卡码…</translation>
    </message>
    <message>
        <source>The member can photograph this code, or scan it from the printed card.</source>
        <translation>会员可以拍下此码，或以后扫描打印的会员卡。</translation>
    </message>
    <message>
        <source>Offline: the card code will be printed after the next sync. The member number works at the counter meanwhile.</source>
        <translation>离线：会员卡码将在下次同步后打印。在此之前，可在收银台使用会员号。</translation>
    </message>
    <message>
        <source>The ledger does not know this member yet: the card code will be printed after the next sync.</source>
        <translation>总账尚未收到此会员：会员卡码将在下次同步后打印。</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so it cannot sign card codes. The member number works at this counter.</source>
        <translation>本终端未与总账配对，无法签发会员卡码。在本收银台可使用会员号。</translation>
    </message>
    <message>
        <source>The ledger refused to sign a card code for this member; call the service desk.</source>
        <translation>总账拒绝为此会员签发会员卡码，请联系服务台。</translation>
    </message>
    <message>
        <source>No QR yet</source>
        <translation>暂无二维码</translation>
    </message>
    <message>
        <source>No QR</source>
        <translation>无二维码</translation>
    </message>
    <message>
        <source>Print card (Ctrl+P)</source>
        <translation>打印会员卡 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ctrl+P print card · Ctrl+S save as… · Ctrl+B bind the phone · Enter or Esc close</source>
        <translation>Ctrl+P 打印会员卡 · Ctrl+S 另存为… · Ctrl+B 绑定手机 · Enter 或 Esc 关闭</translation>
    </message>
</context>
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Award points to {member_id} (F9)</source>
        <translation>为 {member_id} 积分 (F9)</translation>
    </message>
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
    <name>ConfirmDialog</name>
    <message>
        <source>Enter yes, go ahead · Esc no, back</source>
        <translation>Enter 是，继续 · Esc 否，返回</translation>
    </message>
</context>
<context>
    <name>CounterFlows</name>
    <message>
        <source>Scan a member first, then press the key again.</source>
        <translation>请先扫描会员，再按此键。</translation>
    </message>
    <message>
        <source>Member {member_id} enrolled. F4 to ring up a sale.</source>
        <translation>会员 {member_id} 已入会。按 F4 开始结账。</translation>
    </message>
    <message>
        <source>Member card of {member_id} printed to {path}.</source>
        <translation>会员 {member_id} 的会员卡已打印到 {path}。</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>会员(&amp;M)</translation>
    </message>
    <message>
        <source>Enroll a member</source>
        <translation>会员入会</translation>
    </message>
    <message>
        <source>Sell or renew PLUS</source>
        <translation>开通或续费 PLUS</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Refund a receipt</source>
        <translation>按小票退款</translation>
    </message>
    <message>
        <source>Member card QR</source>
        <translation>会员卡二维码</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <source>F2 Enroll · F5 PLUS · F6 Redeem
F7 Refund · F8 Card QR · Ctrl+D Display</source>
        <translation>F2 入会 · F5 PLUS · F6 兑换
F7 退款 · F8 会员卡码 · Ctrl+D 顾客屏</translation>
    </message>
</context>
<context>
    <name>CounterPicks</name>
    <message>
        <source>There is no redemption to undo.</source>
        <translation>没有可撤销的兑换。</translation>
    </message>
    <message>
        <source>Undo the redemption?</source>
        <translation>撤销这次兑换？</translation>
    </message>
    <message>
        <source>the gift {name}</source>
        <translation>礼品 {name}</translation>
    </message>
    <message>
        <source>points off an order</source>
        <translation>订单抵扣积分</translation>
    </message>
    <message>
        <source>Give {points} points back to {name} ({member_id}) for {what}?</source>
        <translation>为{what}把 {points} 积分退还给 {name}（{member_id}）？</translation>
    </message>
    <message>
        <source>Take the gift back first.</source>
        <translation>请先收回礼品。</translation>
    </message>
    <message>
        <source>Redemption undone: {points} points are back with {member_id}; balance {balance} points.</source>
        <translation>兑换已撤销：{points} 积分已退回 {member_id}；余额 {balance} 积分。</translation>
    </message>
    <message>
        <source>Type the amounts first; then Ctrl+Shift+A uses all the points allowed.</source>
        <translation>请先输入金额；然后按 Ctrl+Shift+A 使用允许的全部积分。</translation>
    </message>
    <message>
        <source>{n} points used: all this sale allows.</source>
        <translation>已使用 {n} 积分：本单允许的全部积分。</translation>
    </message>
    <message>
        <source>Find a member by name or phone</source>
        <translation>按姓名或电话查找会员</translation>
    </message>
    <message>
        <source>Undo the last redemption</source>
        <translation>撤销上一次兑换</translation>
    </message>
    <message>
        <source>F11 Find by name/phone · Ctrl+Shift+U Undo redemption · at checkout: Ctrl+Shift+A all points, Ctrl+Shift+K coupons</source>
        <translation>F11 按姓名/电话查找 · Ctrl+Shift+U 撤销兑换 · 结账时：Ctrl+Shift+A 全部积分，Ctrl+Shift+K 优惠券</translation>
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
        <source>A member code was scanned while a dialog was open; close it, then scan again.</source>
        <translation>对话框打开时扫描到会员码；请先关闭对话框，再重新扫描。</translation>
    </message>
    <message>
        <source>Member {member_id} found. F4 to ring up a sale.</source>
        <translation>已找到会员 {member_id}。按 F4 开始结账。</translation>
    </message>
    <message>
        <source>Looking this member up as soon as the sale is recorded.</source>
        <translation>销售记录完成后立即查找此会员。</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>请先扫描会员。</translation>
    </message>
    <message>
        <source>The member on screen changed; check the sale, then press F9.</source>
        <translation>屏幕上的会员已更换；请核对本单后再按 F9。</translation>
    </message>
    <message>
        <source>Asking the ledger to hold the points…</source>
        <translation>正在请总账冻结所用积分…</translation>
    </message>
    <message>
        <source>Recording the sale…</source>
        <translation>正在记录销售…</translation>
    </message>
    <message>
        <source>Sale recorded for {member_id}: receipt {receipt}, paid {payable}, {earned} points earned, balance {balance} points. Next customer: scan a member code.</source>
        <translation>已为 {member_id} 记录销售：小票 {receipt}，实付 {payable}，获得 {earned} 积分，余额 {balance} 积分。下一位顾客：请扫描会员码。</translation>
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
        <source>Working…</source>
        <translation>处理中…</translation>
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
    <name>CouponPickerDialog</name>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>{name}&apos;s coupons</source>
        <translation>{name} 的优惠券</translation>
    </message>
    <message>
        <source>{name} has no coupons</source>
        <translation>{name} 没有优惠券</translation>
    </message>
    <message>
        <source>{name} · {code} · valid until {date}</source>
        <translation>{name} · {code} · 有效期至 {date}</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter use this coupon · Esc back</source>
        <translation>↑ ↓ 选择 · Enter 使用此优惠券 · Esc 返回</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>the log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Something went wrong and MemberDesk could not finish that step. Sales already confirmed are safe. Look the member up again before you retry; if it happens again, call your supervisor. The details are in {log}</source>
        <translation>MemberDesk 出了点问题，这一步没能完成。已确认的交易都已保存，不会丢失。重试前请重新查找会员；如果再次出现，请联系主管。详细信息已记录在 {log}</translation>
    </message>
    <message>
        <source>MemberDesk problem</source>
        <translation>MemberDesk 出现问题</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>MemberDesk — welcome</source>
        <translation>MemberDesk — 欢迎光临</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>欢迎光临！</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <source>Scan your member code</source>
        <translation>请出示您的会员码</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera to bind your phone</source>
        <translation>请用手机相机扫描此码，绑定您的手机</translation>
    </message>
    <message>
        <source>You have {points} points</source>
        <translation>您有 {points} 积分</translation>
    </message>
    <message>
        <source>This purchase: +{earned} points · you saved {saved}</source>
        <translation>本次消费：+{earned} 积分 · 为您节省 {saved}</translation>
    </message>
</context>
<context>
    <name>DayReportDialog</name>
    <message>
        <source>Your shift is closed already.</source>
        <translation>您的班次已经结束。</translation>
    </message>
    <message>
        <source>Shift closed. Export (Ctrl+S) or print (Ctrl+P) the report; Esc signs you out.</source>
        <translation>班次已结束。可导出（Ctrl+S）或打印（Ctrl+P）报表；按 Esc 退出登录。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printed to {path}</source>
        <translation>已打印到 {path}</translation>
    </message>
    <message>
        <source>Points awarded</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>PLUS sold</source>
        <translation>售出 PLUS</translation>
    </message>
    <message>
        <source>Coupons used</source>
        <translation>已用优惠券</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Shift report (Ctrl+R)</source>
        <translation>班次报表（Ctrl+R）</translation>
    </message>
    <message>
        <source>End of day so far (Ctrl+R)</source>
        <translation>今日截至目前（Ctrl+R）</translation>
    </message>
    <message>
        <source>Net {net} · gross {gross} · refunds {refunds} ({refunded}) · PLUS sold {plus} ({fees}) · adjustments {adjustments}</source>
        <translation>净收入 {net} · 总收入 {gross} · 退款 {refunds} 笔（{refunded}）· 售出 PLUS {plus} 份（{fees}）· 积分调整 {adjustments} 笔</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购物笔数</translation>
    </message>
    <message>
        <source>PLUS fees</source>
        <translation>PLUS 会费</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>总收入</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净收入</translation>
    </message>
    <message>
        <source>Points taken back by refunds</source>
        <translation>退款收回积分</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>积分调整笔数</translation>
    </message>
    <message>
        <source>Points adjusted</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>Your shift stays open.</source>
        <translation>您的班次保持开启。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation>无法保存 {path}：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>there is no such folder</source>
        <translation>没有这个文件夹</translation>
    </message>
    <message>
        <source>you may not write there</source>
        <translation>您无权写入该位置</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>文件无法写入</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Business day {day} ({zone}) · from {start} to {end}</source>
        <translation>营业日 {day}（{zone}）· 从 {start} 到 {end}</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Points per cashier</source>
        <translation>各收银员积分</translation>
    </message>
    <message>
        <source>Shift and end of day</source>
        <translation>班次与日结</translation>
    </message>
    <message>
        <source>Close my shift (Ctrl+E)</source>
        <translation>结束我的班次（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export CSV (Ctrl+S)</source>
        <translation>导出 CSV（Ctrl+S）</translation>
    </message>
    <message>
        <source>Print PDF (Ctrl+P)</source>
        <translation>打印 PDF（Ctrl+P）</translation>
    </message>
    <message>
        <source>Close your shift now? The report is final and you are signed out when you leave this screen.</source>
        <translation>现在结束您的班次吗？报表将最终确定，离开此界面后您将被登出。</translation>
    </message>
    <message>
        <source>Close the shift (Enter)</source>
        <translation>结束班次（Enter）</translation>
    </message>
    <message>
        <source>Keep it open (Esc)</source>
        <translation>保持开启（Esc）</translation>
    </message>
    <message>
        <source>Ctrl+E Close my shift · Ctrl+S Export CSV · Ctrl+P Print · Esc Close</source>
        <translation>Ctrl+E 结束班次 · Ctrl+S 导出 CSV · Ctrl+P 打印 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>No sale on screen to reprint. Ring up a sale first.</source>
        <translation>屏幕上没有可重新打印的销售。请先完成一笔销售。</translation>
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation>重新打印小票</translation>
    </message>
    <message>
        <source>Receipt &amp;number (printed at the top of the receipt):</source>
        <translation>小票号(&amp;N)（印在小票顶部）：</translation>
    </message>
    <message>
        <source>No receipt printer is set. Choose one in Settings (Ctrl+,).</source>
        <translation>尚未设置小票打印机。请在设置（Ctrl+,）中选择。</translation>
    </message>
    <message>
        <source>Receipt printed ({where}).</source>
        <translation>小票已打印（{where}）。</translation>
    </message>
    <message>
        <source>The receipt did not print ({problem}). The sale is recorded; reprint with Ctrl+P.</source>
        <translation>小票未能打印（{problem}）。销售已记录；可按 Ctrl+P 重新打印。</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>后台(&amp;D)</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Shift and end of day</source>
        <translation>班次与日结</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>同步面板</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reprint the last receipt</source>
        <translation>重新打印上一张小票</translation>
    </message>
    <message>
        <source>Reprint a receipt…</source>
        <translation>按小票号重新打印…</translation>
    </message>
    <message>
        <source>Ctrl+H Service desk · Ctrl+R Shift report · Ctrl+L Sync · Ctrl+, Settings · Ctrl+P Reprint</source>
        <translation>Ctrl+H 服务台 · Ctrl+R 班次报表 · Ctrl+L 同步 · Ctrl+, 设置 · Ctrl+P 重打小票</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>A member code was scanned and set aside: finish here, or press Esc and scan again.</source>
        <translation>扫描到会员码，已暂不处理：请先完成此处操作，或按 Esc 后重新扫描。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log.</source>
        <translation>发生了意外错误（{kind}），已记录在日志中。</translation>
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
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Paired</source>
        <translation>配对完成</translation>
    </message>
    <message>
        <source>This computer is now terminal {terminal} of store {store} on {url}. Press Finish: MemberDesk restarts on the new ledger and fetches the members (the demo data is kept aside in the data folder).</source>
        <translation>这台电脑现在是 {url} 上门店 {store} 的终端 {terminal}。请点击“完成”：MemberDesk 将在新的账本上重新启动并获取会员数据（演示数据会另存在数据文件夹中）。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Ask the customer to agree to the membership terms and privacy notice, then tick the box (Space).</source>
        <translation>请顾客同意会员条款和隐私声明，然后勾选此框（空格键）。</translation>
    </message>
    <message>
        <source>Enroll a member</source>
        <translation>会员入会</translation>
    </message>
    <message>
        <source>Enroll a member (F2)</source>
        <translation>会员入会 (F2)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>手机(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>mobile number, e.g. 13800138000</source>
        <translation>手机号，例如 13800138000</translation>
    </message>
    <message>
        <source>as the customer writes it</source>
        <translation>按顾客书写的填写</translation>
    </message>
    <message>
        <source>optional, YYYY-MM-DD</source>
        <translation>选填，格式 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>The customer &amp;agrees to the membership terms and the privacy notice</source>
        <translation>顾客同意会员条款和隐私声明(&amp;A)</translation>
    </message>
    <message>
        <source>Required. Read the notice to the customer if they ask.</source>
        <translation>必选。顾客询问时请向其说明声明内容。</translation>
    </message>
    <message>
        <source>Tab next field · Space tick · Enter enroll · Esc cancel</source>
        <translation>Tab 下一项 · 空格 勾选 · Enter 入会 · Esc 取消</translation>
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
        <source>Type a name, a phone or its last 4 digits (at most 80 characters).</source>
        <translation>请输入姓名、电话或电话后 4 位（最多 80 个字符）。</translation>
    </message>
    <message>
        <source>Scan a member code or type a member number or phone.</source>
        <translation>请扫描会员码，或输入会员号或手机号。</translation>
    </message>
    <message>
        <source>At most {max_points} points can be used on this purchase.</source>
        <translation>本单最多可使用 {max_points} 积分。</translation>
    </message>
    <message>
        <source>Points to use cannot be negative.</source>
        <translation>使用积分不能为负数。</translation>
    </message>
    <message>
        <source>Enter at least one amount.</source>
        <translation>请至少输入一个金额。</translation>
    </message>
    <message>
        <source>A purchase can have at most {max_lines} lines.</source>
        <translation>一笔消费最多 {max_lines} 行。</translation>
    </message>
    <message>
        <source>{field}: an amount cannot be negative.</source>
        <translation>{field}：金额不能为负数。</translation>
    </message>
    <message>
        <source>{field}: the amount must be more than zero.</source>
        <translation>{field}：金额必须大于零。</translation>
    </message>
    <message>
        <source>{field}: {amount} is more than any single sale can be; check the amount.</source>
        <translation>{field}：{amount} 超出单笔消费的上限；请核对金额。</translation>
    </message>
    <message>
        <source>There is no coupon {coupon}.</source>
        <translation>没有优惠券 {coupon}。</translation>
    </message>
    <message>
        <source>Coupon {coupon} is from a campaign that has ended.</source>
        <translation>优惠券 {coupon} 所属活动已结束。</translation>
    </message>
    <message>
        <source>This coupon belongs to another member.</source>
        <translation>此优惠券属于其他会员。</translation>
    </message>
    <message>
        <source>This coupon has already been used.</source>
        <translation>此优惠券已被使用。</translation>
    </message>
    <message>
        <source>This coupon expired on {date}.</source>
        <translation>此优惠券已于 {date} 过期。</translation>
    </message>
    <message>
        <source>This coupon is valid from {date}.</source>
        <translation>此优惠券自 {date} 起可用。</translation>
    </message>
    <message>
        <source>This coupon cannot be used in this store.</source>
        <translation>此优惠券不能在本店使用。</translation>
    </message>
    <message>
        <source>Nothing in this purchase is in the coupon&apos;s categories.</source>
        <translation>本单没有属于该优惠券品类的商品。</translation>
    </message>
    <message>
        <source>This coupon needs a spend of at least {amount}.</source>
        <translation>此优惠券需消费满 {amount}。</translation>
    </message>
    <message>
        <source>Coupon {coupon} cannot be used on this purchase.</source>
        <translation>优惠券 {coupon} 不能用于本单。</translation>
    </message>
    <message>
        <source>That is not a phone number; type 6 to 15 digits.</source>
        <translation>这不是手机号；请输入 6 到 15 位数字。</translation>
    </message>
    <message>
        <source>Member {member_id} already exists.</source>
        <translation>会员 {member_id} 已存在。</translation>
    </message>
    <message>
        <source>Offline, this cannot be redeemed now; try again once the terminal syncs.</source>
        <translation>离线时现在无法兑换；请在终端同步后重试。</translation>
    </message>
    <message>
        <source>Only {left} of receipt {receipt} can still be refunded (paid {paid}, refunded {refunded}).</source>
        <translation>小票 {receipt} 仅可再退 {left}（实付 {paid}，已退 {refunded}）。</translation>
    </message>
    <message>
        <source>Only {left} of this receipt can still be refunded.</source>
        <translation>这张小票仅可再退 {left}。</translation>
    </message>
    <message>
        <source>That is not a PLUS activation code: 16 letters and digits, like ABCD-EFGH-JKLM-NPQR. Check what was typed.</source>
        <translation>这不是 PLUS 激活码：激活码为 16 位字母和数字，例如 ABCD-EFGH-JKLM-NPQR。请检查输入。</translation>
    </message>
    <message>
        <source>The ledger does not know this activation code. Check what was typed.</source>
        <translation>总账不认识此激活码。请检查输入。</translation>
    </message>
    <message>
        <source>This activation code was already used. Nothing was changed; the customer should ask where they bought it.</source>
        <translation>此激活码已被使用。未做任何更改；请顾客向购买处咨询。</translation>
    </message>
    <message>
        <source>This activation code has expired. Nothing was changed; PLUS can be sold for its fee.</source>
        <translation>此激活码已过期。未做任何更改；可按费用办理 PLUS。</translation>
    </message>
    <message>
        <source>Activation codes are checked with the mall&apos;s ledger, which cannot be reached now. Nothing was changed: try again when it is back, or sell PLUS for its fee.</source>
        <translation>激活码需由商场总账核验，目前无法连接。未做任何更改：请待连接恢复后重试，或按费用办理 PLUS。</translation>
    </message>
    <message>
        <source>This terminal has no mall ledger, so it cannot redeem activation codes.</source>
        <translation>此终端未连接商场总账，无法兑换激活码。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this cashier is locked for {minutes} more minutes. Wait, or ask a supervisor to sign in.</source>
        <translation>PIN 错误次数过多：该收银员还将被锁定 {minutes} 分钟。请等待，或请主管登录。</translation>
    </message>
    <message>
        <source>There is no redemption to undo.</source>
        <translation>没有可撤销的兑换。</translation>
    </message>
    <message>
        <source>The last redemption of {member_id} was undone already.</source>
        <translation>{member_id} 的上一次兑换已经撤销。</translation>
    </message>
    <message>
        <source>A coupon bought with points cannot be undone at the counter; send the customer to the service desk.</source>
        <translation>用积分兑换的优惠券不能在收银台撤销；请让顾客去服务台。</translation>
    </message>
    <message>
        <source>The last redemption is more than {minutes} minutes old: it can no longer be undone here; a supervisor adjusts the points at the service desk.</source>
        <translation>上一次兑换已超过 {minutes} 分钟：这里不能再撤销；请主管在服务台调整积分。</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again, or ask a supervisor.</source>
        <translation>PIN 码不正确。请重试，或请主管协助。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 到 8 位数字。</translation>
    </message>
    <message>
        <source>This is not allowed for the signed-in cashier.</source>
        <translation>当前登录的收银员无权进行此操作。</translation>
    </message>
    <message>
        <source>The mall&apos;s ledger could not be reached; nothing was changed. Try again in a moment, or check the network.</source>
        <translation>无法连接商场账本；未做任何更改。请稍后重试，或检查网络。</translation>
    </message>
    <message>
        <source>This request was already used for something else; nothing was changed. Start again.</source>
        <translation>此请求已用于其他操作；未做任何更改。请重新开始。</translation>
    </message>
    <message>
        <source>The terminal&apos;s journal failed its check; call a supervisor before going on.</source>
        <translation>终端流水校验未通过；请先联系主管再继续。</translation>
    </message>
    <message>
        <source>This terminal&apos;s data was written by a newer MemberDesk; update the program.</source>
        <translation>此终端的数据由较新版本的 MemberDesk 写入；请更新程序。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; check what was typed.</source>
        <translation>身份证号码为 18 位，请核对输入。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits and a last digit or X.</source>
        <translation>身份证号码为 17 位数字加最后一位数字或 X。</translation>
    </message>
    <message>
        <source>The birth date inside the ID number is not a real date: check the digits.</source>
        <translation>身份证号码中的出生日期无效：请核对数字。</translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit does not match: a digit was mistyped. Nothing was saved.</source>
        <translation>身份证号码校验位不符：有数字输错了。未保存任何内容。</translation>
    </message>
    <message>
        <source>The name on the document is not the member&apos;s: check the document, or correct the member&apos;s name first.</source>
        <translation>证件上的姓名与会员不符：请核对证件，或先更正会员姓名。</translation>
    </message>
    <message>
        <source>Type the receipt number of the purchase reviewed.</source>
        <translation>请输入被评价消费的小票号。</translation>
    </message>
    <message>
        <source>The most a day counts is reached ({cap}); nothing was recorded.</source>
        <translation>已达到每日上限（{cap}）；未记录。</translation>
    </message>
    <message>
        <source>Already given in this period (since {since}); nothing given.</source>
        <translation>本期（自 {since} 起）已发放过；未再发放。</translation>
    </message>
    <message>
        <source>The win-back coupon is for dormant and lost members only.</source>
        <translation>召回券仅发给沉睡和流失会员。</translation>
    </message>
    <message>
        <source>Receipt {receipt} is not a purchase of this member at this counter.</source>
        <translation>小票 {receipt} 不是该会员在本收银台的消费。</translation>
    </message>
    <message>
        <source>The purchase {receipt} was reviewed already.</source>
        <translation>消费 {receipt} 已评价过。</translation>
    </message>
    <message>
        <source>The rule book gives nothing for this.</source>
        <translation>规则手册对此没有奖励。</translation>
    </message>
    <message>
        <source>More than {limit} points needs the member&apos;s real name verified at the service desk (ID document and a supervisor).</source>
        <translation>超过 {limit} 积分需要会员先在服务台完成实名认证（身份证件及主管核验）。</translation>
    </message>
    <message>
        <source>A MemberDesk window is already open on this terminal&apos;s data (process {pid}): use that window; this one does not start. Command-line commands keep working beside it.</source>
        <translation>此终端的数据已经打开了一个 MemberDesk 窗口（进程 {pid}）：请使用那个窗口；本窗口不会启动。命令行命令可以在它旁边照常使用。</translation>
    </message>
    <message>
        <source>The terminal&apos;s database is busy (a sync or another program is writing to it); nothing was changed. Wait a moment and press the same key again.</source>
        <translation>终端数据库正忙（同步或其他程序正在写入）；未做任何更改。请稍候，然后再按一次同一个键。</translation>
    </message>
    <message>
        <source>The scan is damaged; scan the member&apos;s code again, or type their number.</source>
        <translation>扫描内容已损坏;请重新扫描会员码,或输入会员号。</translation>
    </message>
    <message>
        <source>That is far too long to be a member code; scan the member&apos;s code again.</source>
        <translation>内容过长,不是会员码;请重新扫描会员码。</translation>
    </message>
    <message>
        <source>That is not a MemberDesk member code; scan the member&apos;s code or type their number.</source>
        <translation>这不是 MemberDesk 会员码;请扫描会员码或输入会员号。</translation>
    </message>
    <message>
        <source>The code is incomplete; scan it again, or ask the member to show it again.</source>
        <translation>会员码不完整;请重新扫描,或请会员重新出示。</translation>
    </message>
    <message>
        <source>This code was signed with a key this terminal does not know yet. Sync the terminal and scan again, or type the member&apos;s phone number.</source>
        <translation>此码的签名密钥本终端尚未获得。请同步终端后重新扫描,或输入会员手机号。</translation>
    </message>
    <message>
        <source>This code is not genuine: do not accept it, and ask the member for another way to identify.</source>
        <translation>此码不是真码:请勿接受,并请会员用其他方式验证身份。</translation>
    </message>
    <message>
        <source>The code is out of date (a screenshot?); ask the member to show the live code in their app, or type their phone number.</source>
        <translation>此码已过期(可能是截图);请会员在 App 中出示实时会员码,或输入手机号。</translation>
    </message>
    <message>
        <source>This phone code was already used here (a screenshot?); ask the member to show the live code.</source>
        <translation>此手机码已在本机使用过(可能是截图);请会员出示实时会员码。</translation>
    </message>
    <message>
        <source>The phone&apos;s clock is ahead, so the code is not valid yet; ask the member to check the phone&apos;s time.</source>
        <translation>手机时间超前,此码尚未生效;请会员检查手机时间。</translation>
    </message>
    <message>
        <source>This code was withdrawn; do not accept it. Serve the member by phone number, or send them to the service desk.</source>
        <translation>此码已被作废:请勿接受。请用手机号为会员服务,或请其前往服务台。</translation>
    </message>
    <message>
        <source>The terminal cannot read this code; scan it again, or type their number.</source>
        <translation>终端无法识别此码；请重新扫描，或输入会员号。</translation>
    </message>
    <message>
        <source>A printed card was scanned: ask the member for the last 4 digits of their phone (or their PIN) before using these points.</source>
        <translation>扫描的是实体卡:使用这些积分前,请会员提供手机号后 4 位(或会员密码)。</translation>
    </message>
    <message>
        <source>Those digits do not match the member&apos;s phone; nothing was used. Ask again, or send the member to the service desk.</source>
        <translation>数字与会员手机号不符;未使用任何积分。请重新询问,或请会员前往服务台。</translation>
    </message>
    <message>
        <source>The terminal refused this ({code}); nothing was changed. Call a supervisor.</source>
        <translation>终端拒绝了此操作（{code}）；未做任何更改。请联系主管。</translation>
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
        <source>{text} is not a phone number; type 6 to 15 digits.</source>
        <translation>{text} 不是电话号码，请输入 6 到 15 位数字。</translation>
    </message>
    <message>
        <source>Type the member&apos;s name (1 to {n} characters).</source>
        <translation>请输入会员姓名（1 到 {n} 个字符）。</translation>
    </message>
    <message>
        <source>The birthday is not a plausible date.</source>
        <translation>生日不是有效日期。</translation>
    </message>
    <message>
        <source>A member with phone {phone} already exists; scan their code instead.</source>
        <translation>手机号为 {phone} 的会员已存在，请改为扫描其会员码。</translation>
    </message>
    <message>
        <source>The {item} gift is out of stock.</source>
        <translation>礼品 {item} 已无库存。</translation>
    </message>
    <message>
        <source>No purchase with receipt {quoted} on this terminal. Check the number on the receipt.</source>
        <translation>本终端没有小票号为 {quoted} 的消费。请核对小票上的号码。</translation>
    </message>
    <message>
        <source>Nothing was paid in money on receipt {receipt}; it can only be refunded once, in full (leave the amount empty).</source>
        <translation>小票 {receipt} 未用现金支付，只能一次性全额退款（金额留空）。</translation>
    </message>
    <message>
        <source>Offline, at most {cap} points can be redeemed at once.</source>
        <translation>离线时，每次最多兑换 {cap} 积分。</translation>
    </message>
    <message>
        <source>Offline, a member can redeem at most {cap} points a day; this member has redeemed {spent} today.</source>
        <translation>离线时，每位会员每天最多兑换 {cap} 积分；该会员今天已兑换 {spent}。</translation>
    </message>
    <message>
        <source>This terminal has redeemed {spent} points offline; its limit is {cap} until it syncs.</source>
        <translation>本终端离线已兑换 {spent} 积分，同步前上限为 {cap}。</translation>
    </message>
    <message>
        <source>The terminal has been offline for more than {hours} hours; redeem points once it is back online.</source>
        <translation>终端离线已超过 {hours} 小时，请恢复联网后再兑换积分。</translation>
    </message>
    <message>
        <source>The terminal&apos;s clock went back in time since the last sync; points cannot be redeemed offline. Check the clock.</source>
        <translation>自上次同步以来终端时钟被调回，离线时无法兑换积分。请检查时钟。</translation>
    </message>
    <message>
        <source>The terminal&apos;s clock is too far from the ledger&apos;s; points cannot be redeemed offline until it is corrected.</source>
        <translation>终端时钟与总账时间相差过大，校正前离线时无法兑换积分。</translation>
    </message>
    <message>
        <source>This needs a {role}; ask a {role} to do it.</source>
        <translation>此操作需要 {role} 权限，请让 {role} 来操作。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>&amp;Setup</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Pair with the mall&apos;s ledger…</source>
        <translation>与商场账本配对…</translation>
    </message>
    <message>
        <source>Paired with {url} as terminal {terminal}: restart MemberDesk to switch to it.</source>
        <translation>已作为终端 {terminal} 与 {url} 配对：请重新启动 MemberDesk 以切换过去。</translation>
    </message>
    <message>
        <source>Demo mode: a local ledger on this computer, with demo members. Pair with your mall&apos;s ledger in Setup → Pair with the mall&apos;s ledger…</source>
        <translation>演示模式：使用本机上的本地账本和演示会员。请在“设置 → 与商场账本配对…”中与商场的账本配对。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>MemberDesk setup</source>
        <translation>MemberDesk 设置</translation>
    </message>
</context>
<context>
    <name>FlowDialog</name>
    <message>
        <source>A member code was scanned and set aside: finish here, or press Esc and scan again.</source>
        <translation>扫描到会员码，已暂不处理：请先完成此处操作，或按 Esc 后重新扫描。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log. Nothing was changed unless the screen says so; try again or call a supervisor.</source>
        <translation>发生意外错误（{kind}），已记入日志。除非屏幕另有提示，否则未做任何更改；请重试或联系主管。</translation>
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
        <source>Careful:</source>
        <translation>注意：</translation>
    </message>
</context>
<context>
    <name>GrowthDeskPage</name>
    <message>
        <source>Show a member first (Ctrl+1).</source>
        <translation>请先显示一位会员（Ctrl+1）。</translation>
    </message>
    <message>
        <source>Real name verified.</source>
        <translation>实名认证完成。</translation>
    </message>
    <message>
        <source>Check-in recorded</source>
        <translation>已记录签到</translation>
    </message>
    <message>
        <source>Review recorded</source>
        <translation>已记录评价</translation>
    </message>
    <message>
        <source>Win-back coupon given</source>
        <translation>已发放召回券</translation>
    </message>
    <message>
        <source>+{points} points</source>
        <translation>+{points} 积分</translation>
    </message>
    <message>
        <source>coupon {code}</source>
        <translation>优惠券 {code}</translation>
    </message>
    <message>
        <source>Record a chec&amp;k-in</source>
        <translation>记录签到(&amp;K)</translation>
    </message>
    <message>
        <source>Re&amp;ceipt reviewed</source>
        <translation>评价的小票(&amp;C)</translation>
    </message>
    <message>
        <source>Receipt number of the purchase</source>
        <translation>该消费的小票号</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>18 characters, from the document</source>
        <translation>18 位，按证件填写</translation>
    </message>
    <message>
        <source>&amp;Name on the document</source>
        <translation>证件姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Verify the real name</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <source>Give the &amp;win-back coupon</source>
        <translation>发放召回券(&amp;W)</translation>
    </message>
    <message>
        <source>Check the document in person. Only the last 4 characters of the ID number are kept. Reviews and check-ins count a few a day at most.</source>
        <translation>请当面核验证件。身份证号只保存后 4 位。评价和签到每天最多计入几次。</translation>
    </message>
    <message>
        <source>Only a supervisor can verify a real name. Ask a supervisor to sign in.</source>
        <translation>只有主管可以进行实名认证。请主管登录。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Bought for {amount} (receipt {receipt}): earned {earned} points, used {used}</source>
        <translation>消费 {amount}（小票 {receipt}）：获得 {earned} 积分，使用 {used} 积分</translation>
    </message>
    <message>
        <source>Refund of {amount} (receipt {receipt}): {clawed} points taken back, {returned} given back</source>
        <translation>退款 {amount}（小票 {receipt}）：收回 {clawed} 积分，退还 {returned} 积分</translation>
    </message>
    <message>
        <source>Refund of {amount} (receipt {receipt}): {clawed} points taken back, {returned} given back, {owed} owed</source>
        <translation>退款 {amount}（小票 {receipt}）：收回 {clawed} 积分，退还 {returned} 积分，欠 {owed} 积分</translation>
    </message>
    <message>
        <source>Redeemed {points} points for a gift: {name}</source>
        <translation>用 {points} 积分兑换礼品：{name}</translation>
    </message>
    <message>
        <source>Redeemed {points} points for a coupon: {name}</source>
        <translation>用 {points} 积分兑换优惠券：{name}</translation>
    </message>
    <message>
        <source>Redeemed {points} points for {amount} off</source>
        <translation>用 {points} 积分抵扣 {amount}</translation>
    </message>
    <message>
        <source>Redemption undone: {points} points back</source>
        <translation>兑换已撤销：退回 {points} 积分</translation>
    </message>
    <message>
        <source>Bought PLUS for {amount}, {starts} to {ends}</source>
        <translation>购买 PLUS 会员 {amount}，{starts} 至 {ends}</translation>
    </message>
    <message>
        <source>Renewed PLUS for {amount}, {starts} to {ends}</source>
        <translation>续费 PLUS 会员 {amount}，{starts} 至 {ends}</translation>
    </message>
    <message>
        <source>Got coupon {name} ({code}), valid until {until}</source>
        <translation>获得优惠券 {name}（{code}），有效期至 {until}</translation>
    </message>
    <message>
        <source>Used coupon {name} ({code}) on receipt {receipt}</source>
        <translation>在小票 {receipt} 上使用优惠券 {name}（{code}）</translation>
    </message>
    <message>
        <source>Coupon {name} ({code}) given back by a refund</source>
        <translation>优惠券 {name}（{code}）因退款退回</translation>
    </message>
    <message>
        <source>Points adjusted by a supervisor: {reason}</source>
        <translation>主管调整积分：{reason}</translation>
    </message>
    <message>
        <source>Owed points written off: {reason}</source>
        <translation>核销欠积分：{reason}</translation>
    </message>
    <message>
        <source>{points} points expired</source>
        <translation>{points} 积分已过期</translation>
    </message>
    <message>
        <source>Points corrected by the ledger</source>
        <translation>积分已由总账更正</translation>
    </message>
    <message>
        <source>Points moved</source>
        <translation>积分变动</translation>
    </message>
    <message>
        <source>Points for a review or a check-in</source>
        <translation>评价或签到所得积分</translation>
    </message>
    <message>
        <source>Points for referring a new member</source>
        <translation>推荐新会员所得积分</translation>
    </message>
    <message>
        <source>Points of a lifecycle benefit: birthday, win-back or medal</source>
        <translation>生命周期权益积分：生日、召回或勋章</translation>
    </message>
    <message>
        <source>A purchase at {where}</source>
        <translation>在 {where} 消费</translation>
    </message>
    <message>
        <source>A refund at {where}</source>
        <translation>在 {where} 退款</translation>
    </message>
    <message>
        <source>Points redeemed at {where}</source>
        <translation>在 {where} 兑换积分</translation>
    </message>
    <message>
        <source>A redemption undone at {where}</source>
        <translation>在 {where} 撤销兑换</translation>
    </message>
    <message>
        <source>Points adjusted at {where}</source>
        <translation>在 {where} 调整积分</translation>
    </message>
    <message>
        <source>PLUS bought at {where}</source>
        <translation>在 {where} 购买 PLUS</translation>
    </message>
    <message>
        <source>Points expired (the ledger)</source>
        <translation>积分过期（总账）</translation>
    </message>
    <message>
        <source>A review or check-in at {where}</source>
        <translation>在 {where} 评价或签到</translation>
    </message>
    <message>
        <source>A referral reward at {where}</source>
        <translation>在 {where} 获得推荐奖励</translation>
    </message>
    <message>
        <source>A lifecycle benefit given at {where}</source>
        <translation>在 {where} 发放生命周期权益</translation>
    </message>
    <message>
        <source>Real name verified at {where}</source>
        <translation>在 {where} 完成实名认证</translation>
    </message>
    <message>
        <source>Points moved at {where}</source>
        <translation>在 {where} 积分变动</translation>
    </message>
</context>
<context>
    <name>LedgerFlagsPage</name>
    <message>
        <source>Asking the ledger…</source>
        <translation>正在询问总账…</translation>
    </message>
    <message>
        <source>Only a supervisor can resolve a flag.</source>
        <translation>只有主管可以处理标记。</translation>
    </message>
    <message>
        <source>Choose a flag with ↑ ↓ first.</source>
        <translation>请先用 ↑ ↓ 选择一个标记。</translation>
    </message>
    <message>
        <source>Say in the note what was checked and done.</source>
        <translation>请在备注中写明核查了什么、做了什么处理。</translation>
    </message>
    <message>
        <source>Resolving flag {flag}…</source>
        <translation>正在处理标记 {flag}…</translation>
    </message>
    <message>
        <source>No open flags for member {member}.</source>
        <translation>会员 {member} 没有待处理的标记。</translation>
    </message>
    <message>
        <source>No open flags.</source>
        <translation>没有待处理的标记。</translation>
    </message>
    <message>
        <source>Flag {flag} resolved.</source>
        <translation>标记 {flag} 已处理。</translation>
    </message>
    <message>
        <source>Flag {flag} was resolved already, by {name}: {note}</source>
        <translation>标记 {flag} 已由 {name} 处理过：{note}</translation>
    </message>
    <message>
        <source>The ledger cannot be reached: flags can be seen and resolved only online. Try again when the status bar says online.</source>
        <translation>无法连接总账：标记只能在联网时查看和处理。请在状态栏显示在线后重试。</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so there are no flags to review.</source>
        <translation>本终端未与总账配对，没有需要审核的标记。</translation>
    </message>
    <message>
        <source>The ledger refused: {reason}</source>
        <translation>总账拒绝了请求：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong ({detail}); it is in the log.</source>
        <translation>出现问题（{detail}），已记录到日志。</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>透支</translation>
    </message>
    <message>
        <source>Points differ</source>
        <translation>积分不一致</translation>
    </message>
    <message>
        <source>Code used twice</source>
        <translation>会员码重复使用</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <source>What the ledger saw</source>
        <translation>总账发现的情况</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>What was checked and done (required)</source>
        <translation>核查了什么、做了什么处理（必填）</translation>
    </message>
    <message>
        <source>Resolve (Enter)</source>
        <translation>处理（回车）</translation>
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
        <source>Not spendable here: {list}</source>
        <translation>此处不可用：{list}</translation>
    </message>
    <message>
        <source>{points} points at {where}</source>
        <translation>{where} {points} 积分</translation>
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
        <source>consumption</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>信誉</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>{dimension} {value}</source>
        <translation>{dimension} {value}</translation>
    </message>
    <message>
        <source>Growth by dimension: {list}</source>
        <translation>成长值构成：{list}</translation>
    </message>
    <message>
        <source>{category} {amount}</source>
        <translation>{category} {amount}</translation>
    </message>
    <message>
        <source>Top categories: {list}</source>
        <translation>常购品类：{list}</translation>
    </message>
    <message>
        <source>Real name verified (ID {last4})</source>
        <translation>已实名认证（证件 {last4}）</translation>
    </message>
    <message>
        <source>Real name not verified</source>
        <translation>未实名认证</translation>
    </message>
    <message>
        <source>the mall-wide stores</source>
        <translation>商场通用门店</translation>
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
    <name>MemberSearchDialog</name>
    <message>
        <source>Nobody to pick: type a name or a phone.</source>
        <translation>没有可选的会员：请输入姓名或电话。</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <source>Find a member (F11)</source>
        <translation>查找会员 (F11)</translation>
    </message>
    <message>
        <source>&amp;Name or phone</source>
        <translation>姓名或电话(&amp;N)</translation>
    </message>
    <message>
        <source>the beginning of the name, the phone, or its last 4 digits</source>
        <translation>姓名开头、电话或电话后 4 位</translation>
    </message>
    <message>
        <source>Served last at this counter:</source>
        <translation>本收银台最近服务的会员：</translation>
    </message>
    <message>
        <source>Nobody served at this counter yet.</source>
        <translation>本收银台还没有服务过会员。</translation>
    </message>
    <message>
        <source>{n} found for {query}:</source>
        <translation>找到 {n} 位（{query}）：</translation>
    </message>
    <message>
        <source>Nobody found for {query}. Check the spelling, or enroll (F2).</source>
        <translation>未找到 {query}。请检查拼写，或办理入会 (F2)。</translation>
    </message>
    <message>
        <source>Enter search, then ↑ ↓ and Enter pick · Esc back</source>
        <translation>Enter 搜索，然后 ↑ ↓ 和 Enter 选择 · Esc 返回</translation>
    </message>
</context>
<context>
    <name>PairPage</name>
    <message>
        <source>Pair with the mall&apos;s ledger</source>
        <translation>与商场账本配对</translation>
    </message>
    <message>
        <source>Type the ledger&apos;s address and the one-time pairing code your operator made with &apos;memberdesk-ledger terminal add&apos;. This terminal then starts afresh: the demo members and sales stay on this computer, set aside, and never reach the ledger.</source>
        <translation>请输入账本地址，以及运营人员用“memberdesk-ledger terminal add”生成的一次性配对码。之后本终端将重新开始：演示会员和演示交易会另存在本机，绝不会上传到账本。</translation>
    </message>
    <message>
        <source>This terminal is paired with {url} now; pairing again starts a new terminal database and sets the current one aside.</source>
        <translation>本终端目前已与 {url} 配对；重新配对会启用一个新的终端数据库，并将当前数据库另存。</translation>
    </message>
    <message>
        <source>Ledger &amp;address</source>
        <translation>账本地址(&amp;A)</translation>
    </message>
    <message>
        <source>Pairing &amp;code</source>
        <translation>配对码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminal id</source>
        <translation>终端编号(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <translation>配对(&amp;P)</translation>
    </message>
    <message>
        <source>Type the address (starting with https:// or http://) and the code.</source>
        <translation>请输入地址（以 https:// 或 http:// 开头）和配对码。</translation>
    </message>
    <message>
        <source>Pairing with {url}…</source>
        <translation>正在与 {url} 配对…</translation>
    </message>
    <message>
        <source>The ledger refused: {reason}</source>
        <translation>账本拒绝了配对：{reason}</translation>
    </message>
    <message>
        <source>Cannot reach a ledger at {url}. Check the address, the network and that the ledger runs, then press Pair again.</source>
        <translation>无法连接到 {url} 上的账本。请检查地址、网络以及账本是否在运行，然后再次点击“配对”。</translation>
    </message>
    <message>
        <source>Pairing failed: {error}</source>
        <translation>配对失败：{error}</translation>
    </message>
    <message>
        <source>Paired: terminal {terminal} of store {store}.</source>
        <translation>配对成功：门店 {store} 的终端 {terminal}。</translation>
    </message>
</context>
<context>
    <name>PhoneBindingDialog</name>
    <message>
        <source>Bind the member&apos;s phone</source>
        <translation>绑定会员手机</translation>
    </message>
    <message>
        <source>Bind the phone of {name}</source>
        <translation>为 {name} 绑定手机</translation>
    </message>
    <message>
        <source>Member number {member_id}</source>
        <translation>会员号 {member_id}</translation>
    </message>
    <message>
        <source>Asking the ledger for a binding code…</source>
        <translation>正在向总账申请绑定码…</translation>
    </message>
    <message>
        <source>The member scans this code with the phone&apos;s camera and opens the page. It works once, until {until}.</source>
        <translation>会员用手机相机扫描此码并打开页面。此码仅可使用一次，有效至 {until}。</translation>
    </message>
    <message>
        <source>Offline: phones are bound with the ledger. Try again when the terminal is online.</source>
        <translation>离线：手机需通过总账绑定。请在终端联网后重试。</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so it cannot bind phones.</source>
        <translation>此终端未与总账配对，无法绑定手机。</translation>
    </message>
    <message>
        <source>The ledger refused to bind a phone for this member; call the service desk.</source>
        <translation>总账拒绝为此会员绑定手机；请联系服务台。</translation>
    </message>
    <message>
        <source>No QR yet</source>
        <translation>暂无二维码</translation>
    </message>
    <message>
        <source>No QR</source>
        <translation>无二维码</translation>
    </message>
    <message>
        <source>Enter or Esc close</source>
        <translation>Enter 或 Esc 关闭</translation>
    </message>
</context>
<context>
    <name>PhonesPage</name>
    <message>
        <source>Look a member up first (the Member field above).</source>
        <translation>请先查找会员（上方的会员栏）。</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>正在询问总账…</translation>
    </message>
    <message>
        <source>Choose a phone with ↑ ↓; Enter removes it (asks first).</source>
        <translation>用 ↑ ↓ 选择手机；回车移除（会先确认）。</translation>
    </message>
    <message>
        <source>No phone is bound to this member.</source>
        <translation>此会员没有绑定手机。</translation>
    </message>
    <message>
        <source>Choose a phone with ↑ ↓ first.</source>
        <translation>请先用 ↑ ↓ 选择一部手机。</translation>
    </message>
    <message>
        <source>Remove the phone “{label}”? Its codes stop working at every counter after their next sync. Press Enter again to remove it, or Esc.</source>
        <translation>移除手机“{label}”？各收银台下次同步后将拒绝它的会员码。再按回车移除，或按 Esc。</translation>
    </message>
    <message>
        <source>Removing the phone…</source>
        <translation>正在移除手机…</translation>
    </message>
    <message>
        <source>Removed the phone “{label}”. Counters refuse its codes after their next sync.</source>
        <translation>已移除手机“{label}”。各收银台下次同步后将拒绝它的会员码。</translation>
    </message>
    <message>
        <source>The ledger cannot be reached; phones are listed online.</source>
        <translation>无法连接总账；手机列表需联网查看。</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger.</source>
        <translation>本终端未与总账配对。</translation>
    </message>
    <message>
        <source>The ledger refused: {words}</source>
        <translation>总账拒绝：{words}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}).</source>
        <translation>发生意外错误（{kind}）。</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>绑定时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Phone id</source>
        <translation>手机编号</translation>
    </message>
</context>
<context>
    <name>PlusDialog</name>
    <message>
        <source>Asking the ledger…</source>
        <translation>正在询问总账…</translation>
    </message>
    <message>
        <source>Sell PLUS?</source>
        <translation>销售 PLUS？</translation>
    </message>
    <message>
        <source>Sell PLUS to {name} ({member_id}) for {fee}?</source>
        <translation>以 {fee} 向 {name}（{member_id}）销售 PLUS？</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>airline</source>
        <translation>航空公司</translation>
    </message>
    <message>
        <source>co-branded card</source>
        <translation>联名卡</translation>
    </message>
    <message>
        <source>corporate</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>PLUS activated with a code ({channel}), valid until {date}; no fee to take.</source>
        <translation>已用激活码（{channel}）开通 PLUS，有效期至 {date}；无需收费。</translation>
    </message>
    <message>
        <source>PLUS renewed until {date}; take the fee of {fee}.</source>
        <translation>PLUS 已续费至 {date}；请收取 {fee}。</translation>
    </message>
    <message>
        <source>PLUS sold, valid until {date}; take the fee of {fee}.</source>
        <translation>PLUS 已开通，有效期至 {date}；请收取 {fee}。</translation>
    </message>
    <message>
        <source>{benefit}: code {code}, until {date}.</source>
        <translation>{benefit}：兑换码 {code}，有效期至 {date}。</translation>
    </message>
    <message>
        <source>Coupons given: {codes}</source>
        <translation>已发放优惠券：{codes}</translation>
    </message>
    <message>
        <source>PLUS membership</source>
        <translation>PLUS 会员</translation>
    </message>
    <message>
        <source>Renew PLUS (F5)</source>
        <translation>续费 PLUS (F5)</translation>
    </message>
    <message>
        <source>Sell PLUS (F5)</source>
        <translation>开通 PLUS (F5)</translation>
    </message>
    <message>
        <source>{name} ({member_id}) has PLUS until {date}.</source>
        <translation>{name}（{member_id}）的 PLUS 有效期至 {date}。</translation>
    </message>
    <message>
        <source>{name} ({member_id}) has no PLUS.</source>
        <translation>{name}（{member_id}）尚未开通 PLUS。</translation>
    </message>
    <message>
        <source>Fee: {fee} (your price for growth {growth}; standard {standard})</source>
        <translation>费用：{fee}（成长值 {growth} 的专属价；标准价 {standard}）</translation>
    </message>
    <message>
        <source>Fee: {fee}</source>
        <translation>费用：{fee}</translation>
    </message>
    <message>
        <source>Valid {days} days: from {start} to {end}</source>
        <translation>有效期 {days} 天：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Points at {percent}% of the base rate</source>
        <translation>按基础积分的 {percent}% 累积积分</translation>
    </message>
    <message>
        <source>{percent}% off every purchase</source>
        <translation>每笔消费优惠 {percent}%</translation>
    </message>
    <message>
        <source>Benefits:</source>
        <translation>权益：</translation>
    </message>
    <message>
        <source>Activation code from a bank, airline, card or company (or leave empty):</source>
        <translation>来自银行、航空公司、联名卡或企业的激活码（没有请留空）：</translation>
    </message>
    <message>
        <source>Enter confirm (take the fee, or redeem the code) · Esc cancel</source>
        <translation>Enter 确认（收取费用或兑换激活码）· Esc 取消</translation>
    </message>
</context>
<context>
    <name>PlusSlip</name>
    <message>
        <source>PLUS for member {member_id}</source>
        <translation>会员 {member_id} 的 PLUS</translation>
    </message>
    <message>
        <source>Valid from {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Code {code}, until {date}</source>
        <translation>兑换码 {code}，有效期至 {date}</translation>
    </message>
    <message>
        <source>Show the code to the partner. Thank you!</source>
        <translation>请向合作商户出示此兑换码。谢谢！</translation>
    </message>
</context>
<context>
    <name>PlusWords</name>
    <message>
        <source>PLUS has saved you {amount} this term</source>
        <translation>本期 PLUS 已为您节省 {amount}</translation>
    </message>
    <message>
        <source>In the last 12 months PLUS would have saved you {amount}</source>
        <translation>过去 12 个月，PLUS 本可为您节省 {amount}</translation>
    </message>
    <message>
        <source>Your PLUS ends today: renew now and lose no day</source>
        <translation>您的 PLUS 今天到期：立即续费，一天不少</translation>
    </message>
    <message>
        <source>Your PLUS ends tomorrow: renew now and lose no day</source>
        <translation>您的 PLUS 明天到期：立即续费，一天不少</translation>
    </message>
    <message>
        <source>Your PLUS ends in {days} days: renew now and lose no day</source>
        <translation>您的 PLUS 将在 {days} 天后到期：立即续费，一天不少</translation>
    </message>
    <message>
        <source>Your PLUS has lapsed: join again to keep your benefits</source>
        <translation>您的 PLUS 已过期：重新开通即可继续享受权益</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <source>Store {store} · terminal {terminal}</source>
        <translation>门店 {store} · 终端 {terminal}</translation>
    </message>
    <message>
        <source>Receipt {receipt}</source>
        <translation>小票 {receipt}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <source>Member: {member_id} {name}</source>
        <translation>会员：{member_id} {name}</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>优惠券 {code}</translation>
    </message>
    <message>
        <source>{points} points used</source>
        <translation>使用 {points} 积分</translation>
    </message>
    <message>
        <source>You saved</source>
        <translation>为您节省</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Points earned: {n}</source>
        <translation>获得积分：{n}</translation>
    </message>
    <message>
        <source>Points spent: {n}</source>
        <translation>使用积分：{n}</translation>
    </message>
    <message>
        <source>Balance: {n} points</source>
        <translation>积分余额：{n}</translation>
    </message>
    <message>
        <source>Expiring soon: {n} points on {date}</source>
        <translation>即将过期：{n} 积分，于 {date}</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Choose a gift or coupon with ↑ ↓ first.</source>
        <translation>请先用 ↑ ↓ 选择礼品或优惠券。</translation>
    </message>
    <message>
        <source>This member was identified by a printed card code: ask for their PIN or the last 4 digits of their phone, type it and press Enter.</source>
        <translation>此会员是通过打印的会员卡码识别的：请询问其 PIN 或手机号后 4 位，输入后按 Enter。</translation>
    </message>
    <message>
        <source>That does not match this member. Ask again, or redeem without the card code (type the member&apos;s phone number at the scan field).</source>
        <translation>与该会员不符。请再问一次，或不用会员卡码兑换（在扫码栏输入会员手机号）。</translation>
    </message>
    <message>
        <source>Redeem points?</source>
        <translation>兑换积分？</translation>
    </message>
    <message>
        <source>Redeem {points} points of {name} ({member_id}) for {item}?</source>
        <translation>用 {name}（{member_id}）的 {points} 积分兑换 {item}？</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>正在询问总账…</translation>
    </message>
    <message>
        <source>{points} points exchanged for the coupon {name} ({code}); balance {balance} points.</source>
        <translation>已用 {points} 积分兑换优惠券 {name}（{code}）；余额 {balance} 积分。</translation>
    </message>
    <message>
        <source>{points} points redeemed for {name}: hand it over. Balance {balance} points.</source>
        <translation>已用 {points} 积分兑换 {name}：请交给顾客。余额 {balance} 积分。</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>{kind}: {name} — {points} points</source>
        <translation>{kind}：{name} — {points} 积分</translation>
    </message>
    <message>
        <source>{n} in stock</source>
        <translation>库存 {n}</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>无库存</translation>
    </message>
    <message>
        <source>needs {n} more points</source>
        <translation>还差 {n} 积分</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Redeem points (F6)</source>
        <translation>积分兑换 (F6)</translation>
    </message>
    <message>
        <source>{name} has {points} points (worth {value})</source>
        <translation>{name} 有 {points} 积分（价值 {value}）</translation>
    </message>
    <message>
        <source>&amp;Gifts and coupons (↑ ↓ to choose)</source>
        <translation>礼品和优惠券(&amp;G)（↑ ↓ 选择）</translation>
    </message>
    <message>
        <source>&amp;PIN or phone digits</source>
        <translation>PIN 或手机尾号(&amp;P)</translation>
    </message>
    <message>
        <source>a card code above {n} points needs the member&apos;s proof</source>
        <translation>凭会员卡码兑换超过 {n} 积分需会员验证</translation>
    </message>
    <message>
        <source>Offline limits until the next sync: at most {one} points a redemption, {day} points per member a day, {total} points on this terminal; offline for at most {hours} hours.</source>
        <translation>下次同步前的离线限额：每次兑换最多 {one} 积分，每位会员每天 {day} 积分，本终端共 {total} 积分；离线最长 {hours} 小时。</translation>
    </message>
    <message>
        <source>Points off a purchase: Esc, then F4 Checkout and “Points to use”.</source>
        <translation>积分抵扣消费：按 Esc，然后 F4 结账并填写“使用积分”。</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter redeem · Esc cancel</source>
        <translation>↑ ↓ 选择 · Enter 兑换 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Type or scan the receipt number.</source>
        <translation>请输入或扫描小票号。</translation>
    </message>
    <message>
        <source>Check the purchase. Type an amount for a part refund, or leave it empty for all that is left; Enter refunds.</source>
        <translation>请核对消费。部分退款请输入金额，留空则退还全部剩余金额；按 Enter 退款。</translation>
    </message>
    <message>
        <source>Refund in full?</source>
        <translation>全额退款？</translation>
    </message>
    <message>
        <source>Refund all {amount} of receipt {receipt} to {name} ({member_id})?</source>
        <translation>将小票 {receipt} 剩余的 {amount} 全部退给 {name}（{member_id}）？</translation>
    </message>
    <message>
        <source>Refunded {amount} of receipt {receipt}: {clawed} points taken back, {returned} points given back; balance {balance} points.</source>
        <translation>小票 {receipt} 已退款 {amount}：扣回 {clawed} 积分，退还 {returned} 积分；余额 {balance} 积分。</translation>
    </message>
    <message>
        <source>{n} earned points were already spent: the member owes them (overdraft).</source>
        <translation>其中 {n} 积分已被使用：会员欠回这些积分（透支）。</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refund a receipt (F7)</source>
        <translation>按小票退款 (F7)</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>小票号(&amp;R)</translation>
    </message>
    <message>
        <source>↑ ↓ today&apos;s receipts, or type or scan one, then Enter</source>
        <translation>↑ ↓ 选择今天的小票，或输入/扫描小票号，然后按 Enter</translation>
    </message>
    <message>
        <source>Today&apos;s receipts here (newest first):</source>
        <translation>本机今天的小票（最新在前）：</translation>
    </message>
    <message>
        <source>No receipts here today.</source>
        <translation>本机今天没有小票。</translation>
    </message>
    <message>
        <source>{receipt} · {time} · {name} {member_id} · {paid}</source>
        <translation>{receipt} · {time} · {name} {member_id} · {paid}</translation>
    </message>
    <message>
        <source>refunded {amount}</source>
        <translation>已退 {amount}</translation>
    </message>
    <message>
        <source>&amp;Amount ¥</source>
        <translation>金额 ¥(&amp;A)</translation>
    </message>
    <message>
        <source>empty: refund all that is left</source>
        <translation>留空：退还全部剩余金额</translation>
    </message>
    <message>
        <source>Type the receipt number and press Enter.</source>
        <translation>请输入小票号并按 Enter。</translation>
    </message>
    <message>
        <source>Receipt {receipt} · {at} · cashier {cashier}</source>
        <translation>小票 {receipt} · {at} · 收银员 {cashier}</translation>
    </message>
    <message>
        <source>Member {member_id} {name}</source>
        <translation>会员 {member_id} {name}</translation>
    </message>
    <message>
        <source>Paid {paid} (subtotal {subtotal}, saved {saved})</source>
        <translation>实付 {paid}（小计 {subtotal}，节省 {saved}）</translation>
    </message>
    <message>
        <source>Points earned {earned} · points used {used}</source>
        <translation>获得积分 {earned} · 使用积分 {used}</translation>
    </message>
    <message>
        <source>Coupon used: {code}</source>
        <translation>已用优惠券：{code}</translation>
    </message>
    <message>
        <source>Refunded before: {amount} in {n} refunds</source>
        <translation>此前已退款：{amount}，共 {n} 次</translation>
    </message>
    <message>
        <source>Can still be refunded: {amount}</source>
        <translation>仍可退款：{amount}</translation>
    </message>
    <message>
        <source>Refunded {amount}</source>
        <translation>已退款 {amount}</translation>
    </message>
    <message>
        <source>Overdraft: {n} points the member had already spent; the service desk follows it up.</source>
        <translation>透支：会员已使用的 {n} 积分；由服务台跟进处理。</translation>
    </message>
    <message>
        <source>Enter show the purchase, then Enter refund · Esc close</source>
        <translation>Enter 显示消费，再按 Enter 退款 · Esc 关闭</translation>
    </message>
    <message>
        <source>Enter or Esc close</source>
        <translation>Enter 或 Esc 关闭</translation>
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
    <message>
        <source>Welcome: 15 yuan off 100</source>
        <translation>新人礼：满 100 减 15 元</translation>
    </message>
    <message>
        <source>Happy birthday: 50 yuan off 300</source>
        <translation>生日快乐：满 300 减 50 元</translation>
    </message>
    <message>
        <source>Critic: 10 yuan off 80</source>
        <translation>评论家：满 80 减 10 元</translation>
    </message>
    <message>
        <source>Canvas tote bag</source>
        <translation>帆布手提袋</translation>
    </message>
    <message>
        <source>Folding umbrella</source>
        <translation>折叠伞</translation>
    </message>
    <message>
        <source>2 hours parking</source>
        <translation>2 小时停车</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>✔ Member found</source>
        <translation>✔ 已找到会员</translation>
    </message>
    <message>
        <source>✘ Not found — check the code</source>
        <translation>✘ 未找到——请检查条码</translation>
    </message>
</context>
<context>
    <name>ServiceDeskDialog</name>
    <message>
        <source>Type a member number or phone, then Enter.</source>
        <translation>输入会员号或手机号，然后按回车。</translation>
    </message>
    <message>
        <source>Show a member&apos;s history first (Ctrl+1).</source>
        <translation>请先查看会员记录（Ctrl+1）。</translation>
    </message>
    <message>
        <source> · owes {n} points</source>
        <translation> · 欠 {n} 积分</translation>
    </message>
    <message>
        <source>{name} ({member_id}) · balance {points} points</source>
        <translation>{name}（{member_id}）· 余额 {points} 积分</translation>
    </message>
    <message>
        <source>Adjust the points of {name} ({member_id})</source>
        <translation>调整 {name}（{member_id}）的积分</translation>
    </message>
    <message>
        <source>Every counter of the mall, as the ledger has it.</source>
        <translation>全商场所有柜台的记录（以总账为准）。</translation>
    </message>
    <message>
        <source>This counter only: the ledger does not answer now.</source>
        <translation>仅本柜台的记录：总账暂时没有应答。</translation>
    </message>
    <message>
        <source>This counter only.</source>
        <translation>仅本柜台的记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Points: {text} is not a whole number; type e.g. 200 or -150.</source>
        <translation>积分：{text} 不是整数；请输入如 200 或 -150。</translation>
    </message>
    <message>
        <source>Adjusted {points} points for {member_id}; balance {balance}.</source>
        <translation>已为 {member_id} 调整 {points} 积分；余额 {balance}。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Points owed</source>
        <translation>所欠积分</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;3 Overdrafts ({n})</source>
        <translation>&amp;3 透支（{n}）</translation>
    </message>
    <message>
        <source>Choose an overdraft with ↑ ↓ first.</source>
        <translation>请先用 ↑ ↓ 选择一条透支记录。</translation>
    </message>
    <message>
        <source>Writing off an overdraft</source>
        <translation>核销透支</translation>
    </message>
    <message>
        <source>Wrote off {points} points owed by {member_id}.</source>
        <translation>已核销 {member_id} 所欠的 {points} 积分。</translation>
    </message>
    <message>
        <source>&amp;4 Ledger flags</source>
        <translation>&amp;4 总账标记</translation>
    </message>
    <message>
        <source>&amp;4 Ledger flags ({n})</source>
        <translation>&amp;4 总账标记（{n}）</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Service desk (Ctrl+H)</source>
        <translation>服务台（Ctrl+H）</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>会员(&amp;M)</translation>
    </message>
    <message>
        <source>Member number or phone, then Enter</source>
        <translation>会员号或手机号，然后按回车</translation>
    </message>
    <message>
        <source>&amp;1 History</source>
        <translation>&amp;1 记录</translation>
    </message>
    <message>
        <source>&amp;2 Adjust points</source>
        <translation>&amp;2 调整积分</translation>
    </message>
    <message>
        <source>&amp;Points (+ or −)</source>
        <translation>积分（+ 或 −）(&amp;P)</translation>
    </message>
    <message>
        <source>e.g. 200 or -150</source>
        <translation>如 200 或 -150</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Why, in a few words (required)</source>
        <translation>简述原因（必填）</translation>
    </message>
    <message>
        <source>Adjust (Enter)</source>
        <translation>调整（回车）</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>原因(&amp;E)</translation>
    </message>
    <message>
        <source>Why the member need not pay</source>
        <translation>会员无需偿还的原因</translation>
    </message>
    <message>
        <source>Write off (Enter)</source>
        <translation>核销（回车）</translation>
    </message>
    <message>
        <source>An adjustment is recorded with your name and the reason.</source>
        <translation>调整会连同您的姓名和原因一起记录。</translation>
    </message>
    <message>
        <source>A supervisor approves an adjustment: Enter asks for their PIN here; nobody signs out.</source>
        <translation>积分调整需主管批准：按 Enter 在此输入主管 PIN；无需退出登录。</translation>
    </message>
    <message>
        <source>A supervisor approves a write-off: Enter asks for their PIN here.</source>
        <translation>核销需主管批准：按 Enter 在此输入主管 PIN。</translation>
    </message>
    <message>
        <source>Ctrl+1 History · Ctrl+2 Adjust · Ctrl+3 Overdrafts · Ctrl+4 Ledger flags · Ctrl+5 Phones · Ctrl+6 Growth · Enter confirms · Esc closes</source>
        <translation>Ctrl+1 记录 · Ctrl+2 调整 · Ctrl+3 透支 · Ctrl+4 总账标记 · Ctrl+5 手机 · Ctrl+6 成长 · 回车确认 · Esc 关闭</translation>
    </message>
    <message>
        <source>&amp;6 Growth</source>
        <translation>&amp;6 成长</translation>
    </message>
    <message>
        <source>&amp;5 Phones</source>
        <translation>&amp;5 手机</translation>
    </message>
    <message>
        <source>A write-off credits exactly what is owed; the ledger applies it as an adjustment. Otherwise the member&apos;s next points pay it off.</source>
        <translation>核销会补足所欠的积分，总账按调整处理。否则，会员之后获得的积分会先用于偿还。</translation>
    </message>
    <message>
        <source>A points adjustment</source>
        <translation>积分调整</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>No receipt printer</source>
        <translation>不使用小票打印机</translation>
    </message>
    <message>
        <source>A folder for PDF receipts (empty: the reports folder)</source>
        <translation>PDF 小票保存文件夹（留空：报表文件夹）</translation>
    </message>
    <message>
        <source>host:port, e.g. 192.168.1.50:9100</source>
        <translation>主机:端口，如 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>vendor:product in hex, e.g. 04b8:0202</source>
        <translation>厂商:产品（十六进制），如 04b8:0202</translation>
    </message>
    <message>
        <source>a serial device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>串口设备，如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <source>a file or device path, e.g. /dev/usb/lp0</source>
        <translation>文件或设备路径，如 /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>设置（Ctrl+,）</translation>
    </message>
    <message>
        <source>Store and terminal</source>
        <translation>门店与终端</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Scanner: &amp;max gap between keys (ms)</source>
        <translation>扫码枪：按键最大间隔（毫秒）(&amp;M)</translation>
    </message>
    <message>
        <source>Scanner: &amp;shortest code</source>
        <translation>扫码枪：最短条码长度(&amp;S)</translation>
    </message>
    <message>
        <source>Scanner: p&amp;refix to remove</source>
        <translation>扫码枪：需去除的前缀(&amp;R)</translation>
    </message>
    <message>
        <source>Scanner: s&amp;uffix to remove</source>
        <translation>扫码枪：需去除的后缀(&amp;U)</translation>
    </message>
    <message>
        <source>Receipt &amp;printer</source>
        <translation>小票打印机(&amp;P)</translation>
    </message>
    <message>
        <source>Printer &amp;address</source>
        <translation>打印机地址(&amp;A)</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Store {store} · terminal {terminal}</source>
        <translation>门店 {store} · 终端 {terminal}</translation>
    </message>
    <message>
        <source>Print a receipt after every sale</source>
        <translation>每笔销售后打印小票</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>ESC/POS network</source>
        <translation>ESC/POS 网络</translation>
    </message>
    <message>
        <source>ESC/POS USB</source>
        <translation>ESC/POS USB</translation>
    </message>
    <message>
        <source>ESC/POS serial</source>
        <translation>ESC/POS 串口</translation>
    </message>
    <message>
        <source>ESC/POS file or device</source>
        <translation>ESC/POS 文件或设备</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Tab moves between fields · Enter or Ctrl+Enter saves · Esc cancels</source>
        <translation>Tab 切换字段 · 回车或 Ctrl+回车保存 · Esc 取消</translation>
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
        <source>Sign in first, then scan the member code again.</source>
        <translation>请先登录，然后重新扫描会员码。</translation>
    </message>
    <message>
        <source>Not signed in: {message}</source>
        <translation>未登录：{message}</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>There is no supervisor on this terminal.</source>
        <translation>本终端没有主管。</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <source>A supervisor approves</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <source>{action}: a supervisor types their PIN here; nobody signs out.</source>
        <translation>{action}：主管在此输入 PIN；无需任何人退出登录。</translation>
    </message>
    <message>
        <source>&amp;Supervisor (↑ ↓)</source>
        <translation>主管(&amp;S)（↑ ↓）</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>↑ ↓ supervisor · type the PIN · Enter approve · Esc cancel</source>
        <translation>↑ ↓ 选择主管 · 输入 PIN · Enter 批准 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync did not finish: {error}</source>
        <translation>同步未完成：{error}</translation>
    </message>
    <message>
        <source>Sync round finished.</source>
        <translation>本轮同步已完成。</translation>
    </message>
    <message>
        <source>Only a supervisor can force a sync.</source>
        <translation>只有主管可以强制同步。</translation>
    </message>
    <message>
        <source>Sync is not running on this terminal (no ledger).</source>
        <translation>此终端未运行同步（没有总账）。</translation>
    </message>
    <message>
        <source>Sync requested; the result appears here.</source>
        <translation>已请求同步，结果将显示在这里。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync with the ledger (Ctrl+L)</source>
        <translation>与总账同步（Ctrl+L）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>待发送事件</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>上次成功</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>上次错误</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>总账</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Not started yet (or no ledger): working offline</source>
        <translation>尚未开始（或没有总账）：离线工作中</translation>
    </message>
    <message>
        <source>Stopped: a supervisor must look ({problem})</source>
        <translation>已停止：需主管处理（{problem}）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline: retrying in the background</source>
        <translation>离线：正在后台重试</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not paired</source>
        <translation>未配对</translation>
    </message>
    <message>
        <source>{terminal} · store {store}</source>
        <translation>{terminal} · 门店 {store}</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+N)</source>
        <translation>立即同步（Ctrl+N）</translation>
    </message>
    <message>
        <source>Sync runs by itself every few seconds; Sync now starts a round at once.</source>
        <translation>同步每隔几秒自动运行；“立即同步”会马上开始一轮。</translation>
    </message>
    <message>
        <source>Only a supervisor can force a sync. Esc closes.</source>
        <translation>只有主管可以强制同步。按 Esc 关闭。</translation>
    </message>
</context>
</TS>
