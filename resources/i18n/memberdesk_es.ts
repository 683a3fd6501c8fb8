<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CardCodeDialog</name>
    <message>
        <source>Member card printed to {path}.</source>
        <translation>Tarjeta de socio impresa en {path}.</translation>
    </message>
    <message>
        <source>The card will be printed after the next sync.</source>
        <translation>La tarjeta se imprimirá después de la próxima sincronización.</translation>
    </message>
    <message>
        <source>The card could not be written: {reason}</source>
        <translation>No se pudo guardar la tarjeta: {reason}</translation>
    </message>
    <message>
        <source>Save the member card</source>
        <translation>Guardar la tarjeta de socio</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Tarjeta de socio</translation>
    </message>
    <message>
        <source>Welcome! Member card for {name}</source>
        <translation>¡Bienvenido! Tarjeta de socio de {name}</translation>
    </message>
    <message>
        <source>Member card for {name}</source>
        <translation>Tarjeta de socio de {name}</translation>
    </message>
    <message>
        <source>Member number {member_id}</source>
        <translation>Número de socio {member_id}</translation>
    </message>
    <message>
        <source>Asking the ledger to sign the card code…</source>
        <translation>Pidiendo al libro central que firme el código de la tarjeta…</translation>
    </message>
    <message>
        <source>The member can photograph this code, or scan it from the printed card.</source>
        <translation>El socio puede fotografiar este código o escanearlo desde la tarjeta impresa.</translation>
    </message>
    <message>
        <source>Offline: the card code will be printed after the next sync. The member number works at the counter meanwhile.</source>
        <translation>Sin conexión: el código de la tarjeta se imprimirá después de la próxima sincronización. Mientras tanto, el número de socio sirve en caja.</translation>
    </message>
    <message>
        <source>The ledger does not know this member yet: the card code will be printed after the next sync.</source>
        <translation>El libro central aún no conoce a este socio: el código de la tarjeta se imprimirá después de la próxima sincronización.</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so it cannot sign card codes. The member number works at this counter.</source>
        <translation>Este terminal no está emparejado con un libro central y no puede firmar códigos de tarjeta. El número de socio sirve en esta caja.</translation>
    </message>
    <message>
        <source>The ledger refused to sign a card code for this member; call the service desk.</source>
        <translation>El libro central se negó a firmar un código de tarjeta para este socio; llame al mostrador de servicio.</translation>
    </message>
    <message>
        <source>No QR yet</source>
        <translation>Aún sin código QR</translation>
    </message>
    <message>
        <source>No QR</source>
        <translation>Sin código QR</translation>
    </message>
    <message>
        <source>Print card (Ctrl+P)</source>
        <translation>Imprimir tarjeta (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ctrl+P print card · Ctrl+S save as… · Ctrl+B bind the phone · Enter or Esc close</source>
        <translation>Ctrl+P imprimir tarjeta · Ctrl+S guardar como… · Ctrl+B vincular el teléfono · Enter o Esc cerrar</translation>
    </message>
</context>
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Award points to {member_id} (F9)</source>
        <translation>Dar puntos a {member_id} (F9)</translation>
    </message>
    <message>
        <source>Payable: —</source>
        <translation>A pagar: —</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>Primero escanee un socio.</translation>
    </message>
    <message>
        <source>Cannot quote: {message}</source>
        <translation>No se puede calcular: {message}</translation>
    </message>
    <message>
        <source>Type an amount for a category (F4).</source>
        <translation>Escriba un importe para una categoría (F4).</translation>
    </message>
    <message>
        <source>Payable: {amount}</source>
        <translation>A pagar: {amount}</translation>
    </message>
    <message>
        <source>Subtotal {subtotal} · savings {savings}</source>
        <translation>Subtotal {subtotal} · ahorro {savings}</translation>
    </message>
    <message>
        <source>Points to earn: {total}</source>
        <translation>Puntos a ganar: {total}</translation>
    </message>
    <message>
        <source>  = base {base} + tier {tier} + PLUS {plus} + campaign {campaign}</source>
        <translation>  = base {base} + nivel {tier} + PLUS {plus} + campaña {campaign}</translation>
    </message>
    <message>
        <source>Points used: {points} (−{amount})</source>
        <translation>Puntos usados: {points} (−{amount})</translation>
    </message>
    <message>
        <source>Points usable: up to {n}</source>
        <translation>Puntos utilizables: hasta {n}</translation>
    </message>
    <message>
        <source>Coupon {code}: −{amount}</source>
        <translation>Cupón {code}: −{amount}</translation>
    </message>
    <message>
        <source>PLUS saved {amount}</source>
        <translation>PLUS ahorró {amount}</translation>
    </message>
    <message>
        <source>PLUS would have saved {amount}</source>
        <translation>Con PLUS habría ahorrado {amount}</translation>
    </message>
    <message>
        <source>Checkout (F4)</source>
        <translation>Cobro (F4)</translation>
    </message>
    <message>
        <source>{category} ¥</source>
        <translation>{category} ¥</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>Puntos a usar</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Código de cupón</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Confirm and award points (F9)</source>
        <translation>Confirmar y otorgar puntos (F9)</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Enter yes, go ahead · Esc no, back</source>
        <translation>Enter sí, adelante · Esc no, volver</translation>
    </message>
</context>
<context>
    <name>CounterFlows</name>
    <message>
        <source>Scan a member first, then press the key again.</source>
        <translation>Escanee primero a un socio y vuelva a pulsar la tecla.</translation>
    </message>
    <message>
        <source>Member {member_id} enrolled. F4 to ring up a sale.</source>
        <translation>Socio {member_id} dado de alta. F4 para registrar una venta.</translation>
    </message>
    <message>
        <source>Member card of {member_id} printed to {path}.</source>
        <translation>Tarjeta del socio {member_id} impresa en {path}.</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <source>Enroll a member</source>
        <translation>Dar de alta a un socio</translation>
    </message>
    <message>
        <source>Sell or renew PLUS</source>
        <translation>Vender o renovar PLUS</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Canjear puntos</translation>
    </message>
    <message>
        <source>Refund a receipt</source>
        <translation>Reembolsar un ticket</translation>
    </message>
    <message>
        <source>Member card QR</source>
        <translation>Código QR de la tarjeta</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Pantalla del cliente</translation>
    </message>
    <message>
        <source>F2 Enroll · F5 PLUS · F6 Redeem
F7 Refund · F8 Card QR · Ctrl+D Display</source>
        <translation>F2 Alta · F5 PLUS · F6 Canjear
F7 Reembolso · F8 QR tarjeta · Ctrl+D Pantalla</translation>
    </message>
</context>
<context>
    <name>CounterPicks</name>
    <message>
        <source>There is no redemption to undo.</source>
        <translation>No hay ningún canje que deshacer.</translation>
    </message>
    <message>
        <source>Undo the redemption?</source>
        <translation>¿Deshacer el canje?</translation>
    </message>
    <message>
        <source>the gift {name}</source>
        <translation>el regalo {name}</translation>
    </message>
    <message>
        <source>points off an order</source>
        <translation>puntos descontados de un pedido</translation>
    </message>
    <message>
        <source>Give {points} points back to {name} ({member_id}) for {what}?</source>
        <translation>¿Devolver {points} puntos a {name} ({member_id}) por {what}?</translation>
    </message>
    <message>
        <source>Take the gift back first.</source>
        <translation>Recoja primero el regalo.</translation>
    </message>
    <message>
        <source>Redemption undone: {points} points are back with {member_id}; balance {balance} points.</source>
        <translation>Canje deshecho: {points} puntos vuelven a {member_id}; saldo {balance} puntos.</translation>
    </message>
    <message>
        <source>Type the amounts first; then Ctrl+Shift+A uses all the points allowed.</source>
        <translation>Escriba primero los importes; luego Ctrl+Shift+A usa todos los puntos permitidos.</translation>
    </message>
    <message>
        <source>{n} points used: all this sale allows.</source>
        <translation>{n} puntos usados: todos los que permite esta venta.</translation>
    </message>
    <message>
        <source>Find a member by name or phone</source>
        <translation>Buscar un socio por nombre o teléfono</translation>
    </message>
    <message>
        <source>Undo the last redemption</source>
        <translation>Deshacer el último canje</translation>
    </message>
    <message>
        <source>F11 Find by name/phone · Ctrl+Shift+U Undo redemption · at checkout: Ctrl+Shift+A all points, Ctrl+Shift+K coupons</source>
        <translation>F11 Buscar por nombre/teléfono · Ctrl+Shift+U Deshacer canje · en caja: Ctrl+Shift+A todos los puntos, Ctrl+Shift+K cupones</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Signed in as {name}. Scan a member code.</source>
        <translation>Sesión iniciada como {name}. Escanee un código de socio.</translation>
    </message>
    <message>
        <source>Scan a member first, then press F4.</source>
        <translation>Primero escanee un socio y luego pulse F4.</translation>
    </message>
    <message>
        <source>A member code was scanned while a dialog was open; close it, then scan again.</source>
        <translation>Se escaneó un código de socio con un diálogo abierto; ciérrelo y vuelva a escanear.</translation>
    </message>
    <message>
        <source>Member {member_id} found. F4 to ring up a sale.</source>
        <translation>Socio {member_id} encontrado. F4 para registrar una venta.</translation>
    </message>
    <message>
        <source>Looking this member up as soon as the sale is recorded.</source>
        <translation>Se buscará a este socio en cuanto se registre la venta.</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>Primero escanee un socio.</translation>
    </message>
    <message>
        <source>The member on screen changed; check the sale, then press F9.</source>
        <translation>El socio en pantalla cambió; revise la venta y pulse F9.</translation>
    </message>
    <message>
        <source>Asking the ledger to hold the points…</source>
        <translation>Pidiendo al libro mayor que reserve los puntos…</translation>
    </message>
    <message>
        <source>Recording the sale…</source>
        <translation>Registrando la venta…</translation>
    </message>
    <message>
        <source>Sale recorded for {member_id}: receipt {receipt}, paid {payable}, {earned} points earned, balance {balance} points. Next customer: scan a member code.</source>
        <translation>Venta registrada para {member_id}: recibo {receipt}, pagado {payable}, {earned} puntos ganados, saldo {balance} puntos. Siguiente cliente: escanee un código de socio.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log. Look the member up again before you retry, or call a supervisor.</source>
        <translation>Algo inesperado ha fallado ({kind}); consta en el registro. Vuelva a buscar al socio antes de reintentar, o llame a un supervisor.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problema:</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Hecho:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Aviso:</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>Terminal {terminal} · Store {store}</source>
        <translation>Terminal {terminal} · Tienda {store}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Sync stopped — {n} events waiting; call the service desk</source>
        <translation>Sincronización detenida — {n} registros pendientes; llame al mostrador de servicio</translation>
    </message>
    <message>
        <source>Online — {n} events waiting · last sync {time}</source>
        <translation>En línea — {n} registros pendientes · última sincronización {time}</translation>
    </message>
    <message>
        <source>Offline — {n} events waiting</source>
        <translation>Sin conexión — {n} eventos en espera</translation>
    </message>
    <message>
        <source>MemberDesk — terminal {terminal}</source>
        <translation>MemberDesk — terminal {terminal}</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>&amp;Mostrador</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>Buscar socio</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <source>Confirm and award points</source>
        <translation>Confirmar y otorgar puntos</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>Siguiente idioma</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <source>Scan the member code, or type a member number or phone, then Enter</source>
        <translation>Escanee el código de socio, o escriba el número de socio o el teléfono, y pulse Intro</translation>
    </message>
    <message>
        <source>F3 Find member · F4 Checkout · F9 Confirm (Ctrl+Enter) · Esc Back · F10 Sign out · F12 Language</source>
        <translation>F3 Buscar socio · F4 Cobro · F9 Confirmar (Ctrl+Intro) · Esc Volver · F10 Cerrar sesión · F12 Idioma</translation>
    </message>
</context>
<context>
    <name>CouponPickerDialog</name>
    <message>
        <source>Coupons</source>
        <translation>Cupones</translation>
    </message>
    <message>
        <source>{name}&apos;s coupons</source>
        <translation>Cupones de {name}</translation>
    </message>
    <message>
        <source>{name} has no coupons</source>
        <translation>{name} no tiene cupones</translation>
    </message>
    <message>
        <source>{name} · {code} · valid until {date}</source>
        <translation>{name} · {code} · válido hasta {date}</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter use this coupon · Esc back</source>
        <translation>↑ ↓ elegir · Enter usar este cupón · Esc volver</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>the log</source>
        <translation>el registro</translation>
    </message>
    <message>
        <source>Something went wrong and MemberDesk could not finish that step. Sales already confirmed are safe. Look the member up again before you retry; if it happens again, call your supervisor. The details are in {log}</source>
        <translation>Algo salió mal y MemberDesk no pudo terminar ese paso. Las ventas ya confirmadas están a salvo. Vuelva a buscar al socio antes de reintentar; si vuelve a ocurrir, llame a su supervisor. Los detalles están en {log}</translation>
    </message>
    <message>
        <source>MemberDesk problem</source>
        <translation>Problema en MemberDesk</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>MemberDesk — welcome</source>
        <translation>MemberDesk — bienvenido</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>¡Bienvenido!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Scan your member code</source>
        <translation>Escanee su código de socio</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera to bind your phone</source>
        <translation>Escanee este código con la cámara de su teléfono para vincularlo</translation>
    </message>
    <message>
        <source>You have {points} points</source>
        <translation>Tiene {points} puntos</translation>
    </message>
    <message>
        <source>This purchase: +{earned} points · you saved {saved}</source>
        <translation>Esta compra: +{earned} puntos · ha ahorrado {saved}</translation>
    </message>
</context>
<context>
    <name>DayReportDialog</name>
    <message>
        <source>Your shift is closed already.</source>
        <translation>Su turno ya está cerrado.</translation>
    </message>
    <message>
        <source>Shift closed. Export (Ctrl+S) or print (Ctrl+P) the report; Esc signs you out.</source>
        <translation>Turno cerrado. Exporte (Ctrl+S) o imprima (Ctrl+P) el informe; Esc cierra su sesión.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printed to {path}</source>
        <translation>Impreso en {path}</translation>
    </message>
    <message>
        <source>Points awarded</source>
        <translation>Puntos otorgados</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Puntos canjeados</translation>
    </message>
    <message>
        <source>PLUS sold</source>
        <translation>PLUS vendidos</translation>
    </message>
    <message>
        <source>Coupons used</source>
        <translation>Cupones usados</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Shift report (Ctrl+R)</source>
        <translation>Informe del turno (Ctrl+R)</translation>
    </message>
    <message>
        <source>End of day so far (Ctrl+R)</source>
        <translation>Cierre del día hasta ahora (Ctrl+R)</translation>
    </message>
    <message>
        <source>Net {net} · gross {gross} · refunds {refunds} ({refunded}) · PLUS sold {plus} ({fees}) · adjustments {adjustments}</source>
        <translation>Neto {net} · bruto {gross} · devoluciones: {refunds} ({refunded}) · PLUS vendidos: {plus} ({fees}) · ajustes: {adjustments}</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>Otorgados</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Canjeados</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Devueltos</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Compras</translation>
    </message>
    <message>
        <source>PLUS fees</source>
        <translation>Cuotas PLUS</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>Importe devuelto</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <source>Points taken back by refunds</source>
        <translation>Puntos retirados por devoluciones</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Points adjusted</source>
        <translation>Puntos ajustados</translation>
    </message>
    <message>
        <source>Your shift stays open.</source>
        <translation>Su turno sigue abierto.</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation>No se pudo guardar {path}: {reason}. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>there is no such folder</source>
        <translation>esa carpeta no existe</translation>
    </message>
    <message>
        <source>you may not write there</source>
        <translation>no tiene permiso para escribir ahí</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>no se pudo escribir el archivo</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Business day {day} ({zone}) · from {start} to {end}</source>
        <translation>Día comercial {day} ({zone}) · de {start} a {end}</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Points per cashier</source>
        <translation>Puntos por cajero</translation>
    </message>
    <message>
        <source>Shift and end of day</source>
        <translation>Turno y cierre del día</translation>
    </message>
    <message>
        <source>Close my shift (Ctrl+E)</source>
        <translation>Cerrar mi turno (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export CSV (Ctrl+S)</source>
        <translation>Exportar CSV (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print PDF (Ctrl+P)</source>
        <translation>Imprimir PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close your shift now? The report is final and you are signed out when you leave this screen.</source>
        <translation>¿Cerrar su turno ahora? El informe queda definitivo y se cerrará su sesión al salir de esta pantalla.</translation>
    </message>
    <message>
        <source>Close the shift (Enter)</source>
        <translation>Cerrar el turno (Intro)</translation>
    </message>
    <message>
        <source>Keep it open (Esc)</source>
        <translation>Mantenerlo abierto (Esc)</translation>
    </message>
    <message>
        <source>Ctrl+E Close my shift · Ctrl+S Export CSV · Ctrl+P Print · Esc Close</source>
        <translation>Ctrl+E Cerrar mi turno · Ctrl+S Exportar CSV · Ctrl+P Imprimir · Esc Cerrar</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>No sale on screen to reprint. Ring up a sale first.</source>
        <translation>No hay ninguna venta en pantalla para reimprimir. Registre una venta primero.</translation>
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation>Reimprimir un ticket</translation>
    </message>
    <message>
        <source>Receipt &amp;number (printed at the top of the receipt):</source>
        <translation>&amp;Número de ticket (impreso arriba en el ticket):</translation>
    </message>
    <message>
        <source>No receipt printer is set. Choose one in Settings (Ctrl+,).</source>
        <translation>No hay impresora de tickets configurada. Elija una en Ajustes (Ctrl+,).</translation>
    </message>
    <message>
        <source>Receipt printed ({where}).</source>
        <translation>Ticket impreso ({where}).</translation>
    </message>
    <message>
        <source>The receipt did not print ({problem}). The sale is recorded; reprint with Ctrl+P.</source>
        <translation>El ticket no se imprimió ({problem}). La venta está registrada; reimprima con Ctrl+P.</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>Atención al cliente</translation>
    </message>
    <message>
        <source>Shift and end of day</source>
        <translation>Turno y cierre del día</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>Panel de sincronización</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Reprint the last receipt</source>
        <translation>Reimprimir el último ticket</translation>
    </message>
    <message>
        <source>Reprint a receipt…</source>
        <translation>Reimprimir un ticket…</translation>
    </message>
    <message>
        <source>Ctrl+H Service desk · Ctrl+R Shift report · Ctrl+L Sync · Ctrl+, Settings · Ctrl+P Reprint</source>
        <translation>Ctrl+H Atención · Ctrl+R Turno · Ctrl+L Sincronizar · Ctrl+, Ajustes · Ctrl+P Reimprimir</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>A member code was scanned and set aside: finish here, or press Esc and scan again.</source>
        <translation>Se escaneó un código de socio y se dejó aparte: termine aquí, o pulse Esc y vuelva a escanear.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log.</source>
        <translation>Algo inesperado salió mal ({kind}); quedó en el registro.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problema:</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Hecho:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Paired</source>
        <translation>Emparejado</translation>
    </message>
    <message>
        <source>This computer is now terminal {terminal} of store {store} on {url}. Press Finish: MemberDesk restarts on the new ledger and fetches the members (the demo data is kept aside in the data folder).</source>
        <translation>Este equipo es ahora el terminal {terminal} de la tienda {store} en {url}. Pulse Finalizar: MemberDesk se reinicia con el nuevo libro mayor y descarga los socios (los datos de demostración se guardan aparte en la carpeta de datos).</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Ask the customer to agree to the membership terms and privacy notice, then tick the box (Space).</source>
        <translation>Pida al cliente que acepte las condiciones de socio y el aviso de privacidad, y marque la casilla (Espacio).</translation>
    </message>
    <message>
        <source>Enroll a member</source>
        <translation>Dar de alta a un socio</translation>
    </message>
    <message>
        <source>Enroll a member (F2)</source>
        <translation>Dar de alta a un socio (F2)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Cumpleaños</translation>
    </message>
    <message>
        <source>mobile number, e.g. 13800138000</source>
        <translation>número de móvil, p. ej. 13800138000</translation>
    </message>
    <message>
        <source>as the customer writes it</source>
        <translation>tal como lo escribe el cliente</translation>
    </message>
    <message>
        <source>optional, YYYY-MM-DD</source>
        <translation>opcional, AAAA-MM-DD</translation>
    </message>
    <message>
        <source>The customer &amp;agrees to the membership terms and the privacy notice</source>
        <translation>El cliente &amp;acepta las condiciones de socio y el aviso de privacidad</translation>
    </message>
    <message>
        <source>Required. Read the notice to the customer if they ask.</source>
        <translation>Obligatorio. Lea el aviso al cliente si lo pide.</translation>
    </message>
    <message>
        <source>Tab next field · Space tick · Enter enroll · Esc cancel</source>
        <translation>Tab campo siguiente · Espacio marcar · Enter dar de alta · Esc cancelar</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No member found for {query}. Check the number, or enroll the customer.</source>
        <translation>No se encontró ningún socio para {query}. Compruebe el número o dé de alta al cliente.</translation>
    </message>
    <message>
        <source>No member {member_id} on this terminal. Check the number, or enroll the customer.</source>
        <translation>No existe el socio {member_id} en este terminal. Compruebe el número o dé de alta al cliente.</translation>
    </message>
    <message>
        <source>The member has {balance} points; {requested} cannot be used.</source>
        <translation>El socio tiene {balance} puntos; no se pueden usar {requested}.</translation>
    </message>
    <message>
        <source>Points to use: {text} is not a whole number.</source>
        <translation>Puntos a usar: {text} no es un número entero.</translation>
    </message>
    <message>
        <source>{field}: {text} is not an amount; type yuan with at most two decimals, e.g. 12.50</source>
        <translation>{field}: {text} no es un importe; escriba yuanes con dos decimales como máximo, p. ej. 12,50</translation>
    </message>
    <message>
        <source>Type a name, a phone or its last 4 digits (at most 80 characters).</source>
        <translation>Escriba un nombre, un teléfono o sus 4 últimas cifras (hasta 80 caracteres).</translation>
    </message>
    <message>
        <source>Scan a member code or type a member number or phone.</source>
        <translation>Escanee un código de socio o escriba un número de socio o teléfono.</translation>
    </message>
    <message>
        <source>At most {max_points} points can be used on this purchase.</source>
        <translation>En esta compra se pueden usar como máximo {max_points} puntos.</translation>
    </message>
    <message>
        <source>Points to use cannot be negative.</source>
        <translation>Los puntos a usar no pueden ser negativos.</translation>
    </message>
    <message>
        <source>Enter at least one amount.</source>
        <translation>Escriba al menos un importe.</translation>
    </message>
    <message>
        <source>A purchase can have at most {max_lines} lines.</source>
        <translation>Una compra puede tener como máximo {max_lines} líneas.</translation>
    </message>
    <message>
        <source>{field}: an amount cannot be negative.</source>
        <translation>{field}: un importe no puede ser negativo.</translation>
    </message>
    <message>
        <source>{field}: the amount must be more than zero.</source>
        <translation>{field}: el importe debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>{field}: {amount} is more than any single sale can be; check the amount.</source>
        <translation>{field}: {amount} supera lo que puede ser una sola venta; revise el importe.</translation>
    </message>
    <message>
        <source>There is no coupon {coupon}.</source>
        <translation>No existe el cupón {coupon}.</translation>
    </message>
    <message>
        <source>Coupon {coupon} is from a campaign that has ended.</source>
        <translation>El cupón {coupon} es de una campaña que ya terminó.</translation>
    </message>
    <message>
        <source>This coupon belongs to another member.</source>
        <translation>Este cupón pertenece a otro socio.</translation>
    </message>
    <message>
        <source>This coupon has already been used.</source>
        <translation>Este cupón ya se ha usado.</translation>
    </message>
    <message>
        <source>This coupon expired on {date}.</source>
        <translation>Este cupón caducó el {date}.</translation>
    </message>
    <message>
        <source>This coupon is valid from {date}.</source>
        <translation>Este cupón es válido desde el {date}.</translation>
    </message>
    <message>
        <source>This coupon cannot be used in this store.</source>
        <translation>Este cupón no se puede usar en esta tienda.</translation>
    </message>
    <message>
        <source>Nothing in this purchase is in the coupon&apos;s categories.</source>
        <translation>Nada de esta compra está en las categorías del cupón.</translation>
    </message>
    <message>
        <source>This coupon needs a spend of at least {amount}.</source>
        <translation>Este cupón requiere un gasto mínimo de {amount}.</translation>
    </message>
    <message>
        <source>Coupon {coupon} cannot be used on this purchase.</source>
        <translation>El cupón {coupon} no se puede usar en esta compra.</translation>
    </message>
    <message>
        <source>That is not a phone number; type 6 to 15 digits.</source>
        <translation>Eso no es un número de teléfono; escriba de 6 a 15 dígitos.</translation>
    </message>
    <message>
        <source>Member {member_id} already exists.</source>
        <translation>El socio {member_id} ya existe.</translation>
    </message>
    <message>
        <source>Offline, this cannot be redeemed now; try again once the terminal syncs.</source>
        <translation>Sin conexión, esto no se puede canjear ahora; inténtelo cuando el terminal se sincronice.</translation>
    </message>
    <message>
        <source>Only {left} of receipt {receipt} can still be refunded (paid {paid}, refunded {refunded}).</source>
        <translation>Del recibo {receipt} solo se pueden reembolsar {left} (pagado {paid}, reembolsado {refunded}).</translation>
    </message>
    <message>
        <source>Only {left} of this receipt can still be refunded.</source>
        <translation>De este recibo solo se pueden reembolsar {left}.</translation>
    </message>
    <message>
        <source>That is not a PLUS activation code: 16 letters and digits, like ABCD-EFGH-JKLM-NPQR. Check what was typed.</source>
        <translation>Esto no es un código de activación PLUS: 16 letras y cifras, como ABCD-EFGH-JKLM-NPQR. Revise lo tecleado.</translation>
    </message>
    <message>
        <source>The ledger does not know this activation code. Check what was typed.</source>
        <translation>El registro central no conoce este código de activación. Revise lo tecleado.</translation>
    </message>
    <message>
        <source>This activation code was already used. Nothing was changed; the customer should ask where they bought it.</source>
        <translation>Este código de activación ya se usó. No se ha cambiado nada; el cliente debe consultar donde lo compró.</translation>
    </message>
    <message>
        <source>This activation code has expired. Nothing was changed; PLUS can be sold for its fee.</source>
        <translation>Este código de activación ha caducado. No se ha cambiado nada; se puede vender PLUS por su cuota.</translation>
    </message>
    <message>
        <source>Activation codes are checked with the mall&apos;s ledger, which cannot be reached now. Nothing was changed: try again when it is back, or sell PLUS for its fee.</source>
        <translation>Los códigos de activación se comprueban con el registro central del centro comercial, que ahora no responde. No se ha cambiado nada: inténtelo cuando vuelva o venda PLUS por su cuota.</translation>
    </message>
    <message>
        <source>This terminal has no mall ledger, so it cannot redeem activation codes.</source>
        <translation>Este terminal no tiene registro central del centro comercial, así que no puede canjear códigos de activación.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this cashier is locked for {minutes} more minutes. Wait, or ask a supervisor to sign in.</source>
        <translation>Demasiados PIN erróneos: este cajero queda bloqueado {minutes} minutos más. Espere, o pida a un supervisor que entre.</translation>
    </message>
    <message>
        <source>There is no redemption to undo.</source>
        <translation>No hay ningún canje que deshacer.</translation>
    </message>
    <message>
        <source>The last redemption of {member_id} was undone already.</source>
        <translation>El último canje de {member_id} ya se deshizo.</translation>
    </message>
    <message>
        <source>A coupon bought with points cannot be undone at the counter; send the customer to the service desk.</source>
        <translation>Un cupón comprado con puntos no se puede deshacer en caja; envíe al cliente al mostrador de atención.</translation>
    </message>
    <message>
        <source>The last redemption is more than {minutes} minutes old: it can no longer be undone here; a supervisor adjusts the points at the service desk.</source>
        <translation>El último canje tiene más de {minutes} minutos: ya no se puede deshacer aquí; un supervisor ajusta los puntos en el mostrador de atención.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again, or ask a supervisor.</source>
        <translation>Ese PIN no es correcto. Inténtelo de nuevo o pida ayuda a un supervisor.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>This is not allowed for the signed-in cashier.</source>
        <translation>El cajero con sesión iniciada no puede hacer esto.</translation>
    </message>
    <message>
        <source>The mall&apos;s ledger could not be reached; nothing was changed. Try again in a moment, or check the network.</source>
        <translation>No se pudo contactar con el registro central; no se cambió nada. Inténtelo en un momento o revise la red.</translation>
    </message>
    <message>
        <source>This request was already used for something else; nothing was changed. Start again.</source>
        <translation>Esta solicitud ya se usó para otra cosa; no se cambió nada. Empiece de nuevo.</translation>
    </message>
    <message>
        <source>The terminal&apos;s journal failed its check; call a supervisor before going on.</source>
        <translation>El diario del terminal no pasó la comprobación; llame a un supervisor antes de seguir.</translation>
    </message>
    <message>
        <source>This terminal&apos;s data was written by a newer MemberDesk; update the program.</source>
        <translation>Los datos de este terminal los escribió un MemberDesk más reciente; actualice el programa.</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; check what was typed.</source>
        <translation>Un número de identidad tiene 18 caracteres; revise lo escrito.</translation>
    </message>
    <message>
        <source>An ID number is 17 digits and a last digit or X.</source>
        <translation>Un número de identidad son 17 dígitos y un último dígito o X.</translation>
    </message>
    <message>
        <source>The birth date inside the ID number is not a real date: check the digits.</source>
        <translation>La fecha de nacimiento dentro del número no es una fecha real: revise los dígitos.</translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit does not match: a digit was mistyped. Nothing was saved.</source>
        <translation>El dígito de control del número no coincide: se escribió mal un dígito. No se guardó nada.</translation>
    </message>
    <message>
        <source>The name on the document is not the member&apos;s: check the document, or correct the member&apos;s name first.</source>
        <translation>El nombre del documento no es el del socio: revise el documento o corrija antes el nombre del socio.</translation>
    </message>
    <message>
        <source>Type the receipt number of the purchase reviewed.</source>
        <translation>Escriba el número del tique de la compra reseñada.</translation>
    </message>
    <message>
        <source>The most a day counts is reached ({cap}); nothing was recorded.</source>
        <translation>Se alcanzó el máximo diario ({cap}); no se registró nada.</translation>
    </message>
    <message>
        <source>Already given in this period (since {since}); nothing given.</source>
        <translation>Ya se dio en este periodo (desde {since}); no se dio nada.</translation>
    </message>
    <message>
        <source>The win-back coupon is for dormant and lost members only.</source>
        <translation>El cupón de recuperación es solo para socios inactivos o perdidos.</translation>
    </message>
    <message>
        <source>Receipt {receipt} is not a purchase of this member at this counter.</source>
        <translation>El tique {receipt} no es una compra de este socio en este mostrador.</translation>
    </message>
    <message>
        <source>The purchase {receipt} was reviewed already.</source>
        <translation>La compra {receipt} ya tiene reseña.</translation>
    </message>
    <message>
        <source>The rule book gives nothing for this.</source>
        <translation>El reglamento no da nada por esto.</translation>
    </message>
    <message>
        <source>More than {limit} points needs the member&apos;s real name verified at the service desk (ID document and a supervisor).</source>
        <translation>Más de {limit} puntos requiere el nombre real del socio verificado en el mostrador de atención (documento y un supervisor).</translation>
    </message>
    <message>
        <source>A MemberDesk window is already open on this terminal&apos;s data (process {pid}): use that window; this one does not start. Command-line commands keep working beside it.</source>
        <translation>Ya hay una ventana de MemberDesk abierta con los datos de este terminal (proceso {pid}): use esa ventana; esta no se abre. Los comandos de la línea de órdenes siguen funcionando a su lado.</translation>
    </message>
    <message>
        <source>The terminal&apos;s database is busy (a sync or another program is writing to it); nothing was changed. Wait a moment and press the same key again.</source>
        <translation>La base de datos del terminal está ocupada (una sincronización u otro programa está escribiendo en ella); no se ha cambiado nada. Espere un momento y pulse la misma tecla otra vez.</translation>
    </message>
    <message>
        <source>The scan is damaged; scan the member&apos;s code again, or type their number.</source>
        <translation>El escaneo está dañado; vuelva a escanear el código del socio o escriba su número.</translation>
    </message>
    <message>
        <source>That is far too long to be a member code; scan the member&apos;s code again.</source>
        <translation>Es demasiado largo para ser un código de socio; vuelva a escanear el código.</translation>
    </message>
    <message>
        <source>That is not a MemberDesk member code; scan the member&apos;s code or type their number.</source>
        <translation>No es un código de socio de MemberDesk; escanee el código del socio o escriba su número.</translation>
    </message>
    <message>
        <source>The code is incomplete; scan it again, or ask the member to show it again.</source>
        <translation>El código está incompleto; escanéelo de nuevo o pida al socio que lo muestre otra vez.</translation>
    </message>
    <message>
        <source>This code was signed with a key this terminal does not know yet. Sync the terminal and scan again, or type the member&apos;s phone number.</source>
        <translation>Este código se firmó con una clave que este terminal aún no conoce. Sincronice el terminal y vuelva a escanear, o escriba el teléfono del socio.</translation>
    </message>
    <message>
        <source>This code is not genuine: do not accept it, and ask the member for another way to identify.</source>
        <translation>Este código no es auténtico: no lo acepte y pida al socio otra forma de identificarse.</translation>
    </message>
    <message>
        <source>The code is out of date (a screenshot?); ask the member to show the live code in their app, or type their phone number.</source>
        <translation>El código está caducado (¿una captura de pantalla?); pida al socio el código en vivo de su app o escriba su teléfono.</translation>
    </message>
    <message>
        <source>This phone code was already used here (a screenshot?); ask the member to show the live code.</source>
        <translation>Este código del móvil ya se usó aquí (¿una captura de pantalla?); pida al socio el código en vivo.</translation>
    </message>
    <message>
        <source>The phone&apos;s clock is ahead, so the code is not valid yet; ask the member to check the phone&apos;s time.</source>
        <translation>El reloj del móvil va adelantado y el código aún no es válido; pida al socio que revise la hora del móvil.</translation>
    </message>
    <message>
        <source>This code was withdrawn; do not accept it. Serve the member by phone number, or send them to the service desk.</source>
        <translation>Este código fue retirado: no lo acepte. Atienda al socio por su número de teléfono o envíelo al mostrador de atención.</translation>
    </message>
    <message>
        <source>The terminal cannot read this code; scan it again, or type their number.</source>
        <translation>El terminal no puede leer este código; escanéelo de nuevo o escriba su número.</translation>
    </message>
    <message>
        <source>A printed card was scanned: ask the member for the last 4 digits of their phone (or their PIN) before using these points.</source>
        <translation>Se escaneó una tarjeta impresa: pida al socio los 4 últimos dígitos de su teléfono (o su PIN) antes de usar estos puntos.</translation>
    </message>
    <message>
        <source>Those digits do not match the member&apos;s phone; nothing was used. Ask again, or send the member to the service desk.</source>
        <translation>Esos dígitos no coinciden con el teléfono del socio; no se usó nada. Pregunte de nuevo o envíe al socio al mostrador de atención.</translation>
    </message>
    <message>
        <source>The terminal refused this ({code}); nothing was changed. Call a supervisor.</source>
        <translation>El terminal rechazó esto ({code}); no se cambió nada. Llame a un supervisor.</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>{text} is not a phone number; type 6 to 15 digits.</source>
        <translation>{text} no es un número de teléfono; escriba de 6 a 15 dígitos.</translation>
    </message>
    <message>
        <source>Type the member&apos;s name (1 to {n} characters).</source>
        <translation>Escriba el nombre del socio (de 1 a {n} caracteres).</translation>
    </message>
    <message>
        <source>The birthday is not a plausible date.</source>
        <translation>El cumpleaños no es una fecha válida.</translation>
    </message>
    <message>
        <source>A member with phone {phone} already exists; scan their code instead.</source>
        <translation>Ya existe un socio con el teléfono {phone}; escanee su código.</translation>
    </message>
    <message>
        <source>The {item} gift is out of stock.</source>
        <translation>El regalo {item} está agotado.</translation>
    </message>
    <message>
        <source>No purchase with receipt {quoted} on this terminal. Check the number on the receipt.</source>
        <translation>No hay ninguna compra con el ticket {quoted} en este terminal. Compruebe el número del ticket.</translation>
    </message>
    <message>
        <source>Nothing was paid in money on receipt {receipt}; it can only be refunded once, in full (leave the amount empty).</source>
        <translation>En el ticket {receipt} no se pagó dinero; solo puede reembolsarse una vez y por completo (deje el importe vacío).</translation>
    </message>
    <message>
        <source>Offline, at most {cap} points can be redeemed at once.</source>
        <translation>Sin conexión, se pueden canjear como máximo {cap} puntos a la vez.</translation>
    </message>
    <message>
        <source>Offline, a member can redeem at most {cap} points a day; this member has redeemed {spent} today.</source>
        <translation>Sin conexión, un socio puede canjear como máximo {cap} puntos al día; este socio ha canjeado {spent} hoy.</translation>
    </message>
    <message>
        <source>This terminal has redeemed {spent} points offline; its limit is {cap} until it syncs.</source>
        <translation>Este terminal ha canjeado {spent} puntos sin conexión; su límite es {cap} hasta que sincronice.</translation>
    </message>
    <message>
        <source>The terminal has been offline for more than {hours} hours; redeem points once it is back online.</source>
        <translation>El terminal lleva más de {hours} horas sin conexión; canjee puntos cuando vuelva a estar en línea.</translation>
    </message>
    <message>
        <source>The terminal&apos;s clock went back in time since the last sync; points cannot be redeemed offline. Check the clock.</source>
        <translation>El reloj del terminal retrocedió desde la última sincronización; no se pueden canjear puntos sin conexión. Revise el reloj.</translation>
    </message>
    <message>
        <source>The terminal&apos;s clock is too far from the ledger&apos;s; points cannot be redeemed offline until it is corrected.</source>
        <translation>El reloj del terminal está demasiado lejos del del libro central; no se pueden canjear puntos sin conexión hasta corregirlo.</translation>
    </message>
    <message>
        <source>This needs a {role}; ask a {role} to do it.</source>
        <translation>Esto requiere un {role}; pida a un {role} que lo haga.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>&amp;Setup</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Pair with the mall&apos;s ledger…</source>
        <translation>Emparejar con el libro mayor del centro comercial…</translation>
    </message>
    <message>
        <source>Paired with {url} as terminal {terminal}: restart MemberDesk to switch to it.</source>
        <translation>Emparejado con {url} como terminal {terminal}: reinicie MemberDesk para pasar a él.</translation>
    </message>
    <message>
        <source>Demo mode: a local ledger on this computer, with demo members. Pair with your mall&apos;s ledger in Setup → Pair with the mall&apos;s ledger…</source>
        <translation>Modo de demostración: un libro mayor local en este equipo, con socios de demostración. Empareje con el libro mayor de su centro comercial en Configuración → Emparejar con el libro mayor del centro comercial…</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>MemberDesk setup</source>
        <translation>Configuración de MemberDesk</translation>
    </message>
</context>
<context>
    <name>FlowDialog</name>
    <message>
        <source>A member code was scanned and set aside: finish here, or press Esc and scan again.</source>
        <translation>Se escaneó un código de socio y se dejó de lado: termine aquí, o pulse Esc y vuelva a escanear.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log. Nothing was changed unless the screen says so; try again or call a supervisor.</source>
        <translation>Algo inesperado falló ({kind}); está en el registro. No se cambió nada salvo que la pantalla lo diga; inténtelo de nuevo o llame a un supervisor.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problema:</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Hecho:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Careful:</source>
        <translation>Atención:</translation>
    </message>
</context>
<context>
    <name>GrowthDeskPage</name>
    <message>
        <source>Show a member first (Ctrl+1).</source>
        <translation>Muestre primero un socio (Ctrl+1).</translation>
    </message>
    <message>
        <source>Real name verified.</source>
        <translation>Nombre real verificado.</translation>
    </message>
    <message>
        <source>Check-in recorded</source>
        <translation>Registro de visita anotado</translation>
    </message>
    <message>
        <source>Review recorded</source>
        <translation>Reseña registrada</translation>
    </message>
    <message>
        <source>Win-back coupon given</source>
        <translation>Cupón de recuperación entregado</translation>
    </message>
    <message>
        <source>+{points} points</source>
        <translation>+{points} puntos</translation>
    </message>
    <message>
        <source>coupon {code}</source>
        <translation>cupón {code}</translation>
    </message>
    <message>
        <source>Record a chec&amp;k-in</source>
        <translation>Registrar una visi&amp;ta</translation>
    </message>
    <message>
        <source>Re&amp;ceipt reviewed</source>
        <translation>Tique rese&amp;ñado</translation>
    </message>
    <message>
        <source>Receipt number of the purchase</source>
        <translation>Número de tique de la compra</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>Registrar la reseña</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Número de &amp;identidad</translation>
    </message>
    <message>
        <source>18 characters, from the document</source>
        <translation>18 caracteres, del documento</translation>
    </message>
    <message>
        <source>&amp;Name on the document</source>
        <translation>&amp;Nombre en el documento</translation>
    </message>
    <message>
        <source>Verify the real name</source>
        <translation>Verificar el nombre real</translation>
    </message>
    <message>
        <source>Give the &amp;win-back coupon</source>
        <translation>Dar el cupón de rec&amp;uperación</translation>
    </message>
    <message>
        <source>Check the document in person. Only the last 4 characters of the ID number are kept. Reviews and check-ins count a few a day at most.</source>
        <translation>Compruebe el documento en persona. Solo se guardan los 4 últimos caracteres del número. Las reseñas y visitas cuentan unas pocas al día como mucho.</translation>
    </message>
    <message>
        <source>Only a supervisor can verify a real name. Ask a supervisor to sign in.</source>
        <translation>Solo un supervisor puede verificar un nombre real. Pida a un supervisor que inicie sesión.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Bought for {amount} (receipt {receipt}): earned {earned} points, used {used}</source>
        <translation>Compró por {amount} (ticket {receipt}): ganó {earned} puntos, usó {used}</translation>
    </message>
    <message>
        <source>Refund of {amount} (receipt {receipt}): {clawed} points taken back, {returned} given back</source>
        <translation>Devolución de {amount} (ticket {receipt}): {clawed} puntos retirados, {returned} devueltos</translation>
    </message>
    <message>
        <source>Refund of {amount} (receipt {receipt}): {clawed} points taken back, {returned} given back, {owed} owed</source>
        <translation>Devolución de {amount} (ticket {receipt}): {clawed} puntos retirados, {returned} devueltos, {owed} adeudados</translation>
    </message>
    <message>
        <source>Redeemed {points} points for a gift: {name}</source>
        <translation>Canjeó {points} puntos por un regalo: {name}</translation>
    </message>
    <message>
        <source>Redeemed {points} points for a coupon: {name}</source>
        <translation>Canjeó {points} puntos por un cupón: {name}</translation>
    </message>
    <message>
        <source>Redeemed {points} points for {amount} off</source>
        <translation>Canjeó {points} puntos por {amount} de descuento</translation>
    </message>
    <message>
        <source>Redemption undone: {points} points back</source>
        <translation>Canje deshecho: {points} puntos devueltos</translation>
    </message>
    <message>
        <source>Bought PLUS for {amount}, {starts} to {ends}</source>
        <translation>Compró PLUS por {amount}, del {starts} al {ends}</translation>
    </message>
    <message>
        <source>Renewed PLUS for {amount}, {starts} to {ends}</source>
        <translation>Renovó PLUS por {amount}, del {starts} al {ends}</translation>
    </message>
    <message>
        <source>Got coupon {name} ({code}), valid until {until}</source>
        <translation>Recibió el cupón {name} ({code}), válido hasta {until}</translation>
    </message>
    <message>
        <source>Used coupon {name} ({code}) on receipt {receipt}</source>
        <translation>Usó el cupón {name} ({code}) en el ticket {receipt}</translation>
    </message>
    <message>
        <source>Coupon {name} ({code}) given back by a refund</source>
        <translation>Cupón {name} ({code}) devuelto por una devolución</translation>
    </message>
    <message>
        <source>Points adjusted by a supervisor: {reason}</source>
        <translation>Puntos ajustados por un supervisor: {reason}</translation>
    </message>
    <message>
        <source>Owed points written off: {reason}</source>
        <translation>Puntos adeudados condonados: {reason}</translation>
    </message>
    <message>
        <source>{points} points expired</source>
        <translation>{points} puntos caducados</translation>
    </message>
    <message>
        <source>Points corrected by the ledger</source>
        <translation>Puntos corregidos por el libro mayor</translation>
    </message>
    <message>
        <source>Points moved</source>
        <translation>Movimiento de puntos</translation>
    </message>
    <message>
        <source>Points for a review or a check-in</source>
        <translation>Puntos por una reseña o una visita</translation>
    </message>
    <message>
        <source>Points for referring a new member</source>
        <translation>Puntos por recomendar a un socio nuevo</translation>
    </message>
    <message>
        <source>Points of a lifecycle benefit: birthday, win-back or medal</source>
        <translation>Puntos de un beneficio del ciclo de vida: cumpleaños, recuperación o medalla</translation>
    </message>
    <message>
        <source>A purchase at {where}</source>
        <translation>Una compra en {where}</translation>
    </message>
    <message>
        <source>A refund at {where}</source>
        <translation>Una devolución en {where}</translation>
    </message>
    <message>
        <source>Points redeemed at {where}</source>
        <translation>Puntos canjeados en {where}</translation>
    </message>
    <message>
        <source>A redemption undone at {where}</source>
        <translation>Un canje deshecho en {where}</translation>
    </message>
    <message>
        <source>Points adjusted at {where}</source>
        <translation>Puntos ajustados en {where}</translation>
    </message>
    <message>
        <source>PLUS bought at {where}</source>
        <translation>PLUS comprado en {where}</translation>
    </message>
    <message>
        <source>Points expired (the ledger)</source>
        <translation>Puntos caducados (libro mayor)</translation>
    </message>
    <message>
        <source>A review or check-in at {where}</source>
        <translation>Una reseña o visita en {where}</translation>
    </message>
    <message>
        <source>A referral reward at {where}</source>
        <translation>Un premio por recomendación en {where}</translation>
    </message>
    <message>
        <source>A lifecycle benefit given at {where}</source>
        <translation>Un beneficio del ciclo de vida dado en {where}</translation>
    </message>
    <message>
        <source>Real name verified at {where}</source>
        <translation>Nombre real verificado en {where}</translation>
    </message>
    <message>
        <source>Points moved at {where}</source>
        <translation>Movimiento de puntos en {where}</translation>
    </message>
</context>
<context>
    <name>LedgerFlagsPage</name>
    <message>
        <source>Asking the ledger…</source>
        <translation>Consultando el libro mayor…</translation>
    </message>
    <message>
        <source>Only a supervisor can resolve a flag.</source>
        <translation>Solo un supervisor puede resolver una alerta.</translation>
    </message>
    <message>
        <source>Choose a flag with ↑ ↓ first.</source>
        <translation>Elija primero una alerta con ↑ ↓.</translation>
    </message>
    <message>
        <source>Say in the note what was checked and done.</source>
        <translation>Indique en la nota qué se comprobó y qué se hizo.</translation>
    </message>
    <message>
        <source>Resolving flag {flag}…</source>
        <translation>Resolviendo la alerta {flag}…</translation>
    </message>
    <message>
        <source>No open flags for member {member}.</source>
        <translation>El socio {member} no tiene alertas abiertas.</translation>
    </message>
    <message>
        <source>No open flags.</source>
        <translation>No hay alertas abiertas.</translation>
    </message>
    <message>
        <source>Flag {flag} resolved.</source>
        <translation>Alerta {flag} resuelta.</translation>
    </message>
    <message>
        <source>Flag {flag} was resolved already, by {name}: {note}</source>
        <translation>La alerta {flag} ya estaba resuelta, por {name}: {note}</translation>
    </message>
    <message>
        <source>The ledger cannot be reached: flags can be seen and resolved only online. Try again when the status bar says online.</source>
        <translation>No se puede contactar con el libro mayor: las alertas solo se ven y resuelven en línea. Vuelva a intentarlo cuando la barra de estado diga en línea.</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so there are no flags to review.</source>
        <translation>Este terminal no está emparejado con un libro mayor, así que no hay alertas que revisar.</translation>
    </message>
    <message>
        <source>The ledger refused: {reason}</source>
        <translation>El libro mayor lo rechazó: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong ({detail}); it is in the log.</source>
        <translation>Algo salió mal ({detail}); consta en el registro.</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>Descubierto</translation>
    </message>
    <message>
        <source>Points differ</source>
        <translation>Puntos distintos</translation>
    </message>
    <message>
        <source>Code used twice</source>
        <translation>Código usado dos veces</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Detectada</translation>
    </message>
    <message>
        <source>What the ledger saw</source>
        <translation>Lo que vio el libro mayor</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>What was checked and done (required)</source>
        <translation>Qué se comprobó y qué se hizo (obligatorio)</translation>
    </message>
    <message>
        <source>Resolve (Enter)</source>
        <translation>Resolver (Intro)</translation>
    </message>
</context>
<context>
    <name>MemberCardView</name>
    <message>
        <source>No member yet.
Scan the member code, or type a member number or phone number, then press Enter.</source>
        <translation>Todavía no hay socio.
Escanee el código de socio, o escriba el número de socio o el teléfono, y pulse Intro.</translation>
    </message>
    <message>
        <source>PLUS until {date}</source>
        <translation>PLUS hasta {date}</translation>
    </message>
    <message>
        <source>No PLUS</source>
        <translation>Sin PLUS</translation>
    </message>
    <message>
        <source>Member {member_id} · Phone {phone}</source>
        <translation>Socio {member_id} · Teléfono {phone}</translation>
    </message>
    <message>
        <source>Tier: {tier}</source>
        <translation>Nivel: {tier}</translation>
    </message>
    <message>
        <source>{missing} growth to {tier} (growth {growth})</source>
        <translation>Faltan {missing} de crecimiento para {tier} (crecimiento {growth})</translation>
    </message>
    <message>
        <source>Top tier reached (growth {growth})</source>
        <translation>Nivel máximo alcanzado (crecimiento {growth})</translation>
    </message>
    <message>
        <source>{points} points, worth {value}</source>
        <translation>{points} puntos, valen {value}</translation>
    </message>
    <message>
        <source>{n} points owed from refunds</source>
        <translation>{n} puntos adeudados por devoluciones</translation>
    </message>
    <message>
        <source>Not spendable here: {list}</source>
        <translation>No se pueden usar aquí: {list}</translation>
    </message>
    <message>
        <source>{points} points at {where}</source>
        <translation>{points} puntos en {where}</translation>
    </message>
    <message>
        <source>Expiring soon: {points} points on {date}</source>
        <translation>Caducan pronto: {points} puntos el {date}</translation>
    </message>
    <message>
        <source>No points expiring soon</source>
        <translation>Ningún punto caduca pronto</translation>
    </message>
    <message>
        <source>Stage: {stage} — {action}</source>
        <translation>Etapa: {stage} — {action}</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Etapa: {stage}</translation>
    </message>
    <message>
        <source>(coupon {code})</source>
        <translation>(cupón {code})</translation>
    </message>
    <message>
        <source>Birthday: {note}</source>
        <translation>Cumpleaños: {note}</translation>
    </message>
    <message>
        <source>{medal} {level}/{levels}</source>
        <translation>{medal} {level}/{levels}</translation>
    </message>
    <message>
        <source>Medals: {list}</source>
        <translation>Medallas: {list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{code} ({name}, until {date})</source>
        <translation>{code} ({name}, hasta {date})</translation>
    </message>
    <message>
        <source>Coupons: {list}</source>
        <translation>Cupones: {list}</translation>
    </message>
    <message>
        <source>Benefits: {list}</source>
        <translation>Ventajas: {list}</translation>
    </message>
    <message>
        <source>All changes confirmed by the ledger</source>
        <translation>Todos los cambios confirmados por el registro central</translation>
    </message>
    <message>
        <source>1 change not yet confirmed by the ledger</source>
        <translation>1 cambio aún sin confirmar por el registro central</translation>
    </message>
    <message>
        <source>{n} changes not yet confirmed by the ledger</source>
        <translation>{n} cambios aún sin confirmar por el registro central</translation>
    </message>
    <message>
        <source>consumption</source>
        <translation>consumo</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>actividad</translation>
    </message>
    <message>
        <source>account</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>reputación</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>crédito</translation>
    </message>
    <message>
        <source>{dimension} {value}</source>
        <translation>{dimension} {value}</translation>
    </message>
    <message>
        <source>Growth by dimension: {list}</source>
        <translation>Crecimiento por dimensión: {list}</translation>
    </message>
    <message>
        <source>{category} {amount}</source>
        <translation>{category} {amount}</translation>
    </message>
    <message>
        <source>Top categories: {list}</source>
        <translation>Categorías principales: {list}</translation>
    </message>
    <message>
        <source>Real name verified (ID {last4})</source>
        <translation>Nombre real verificado (documento {last4})</translation>
    </message>
    <message>
        <source>Real name not verified</source>
        <translation>Nombre real no verificado</translation>
    </message>
    <message>
        <source>the mall-wide stores</source>
        <translation>las tiendas de todo el centro</translation>
    </message>
    <message>
        <source>new member</source>
        <translation>socio nuevo</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>en crecimiento</translation>
    </message>
    <message>
        <source>loyal</source>
        <translation>fiel</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
</context>
<context>
    <name>MemberSearchDialog</name>
    <message>
        <source>Nobody to pick: type a name or a phone.</source>
        <translation>Nadie que elegir: escriba un nombre o un teléfono.</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Buscar un socio</translation>
    </message>
    <message>
        <source>Find a member (F11)</source>
        <translation>Buscar un socio (F11)</translation>
    </message>
    <message>
        <source>&amp;Name or phone</source>
        <translation>&amp;Nombre o teléfono</translation>
    </message>
    <message>
        <source>the beginning of the name, the phone, or its last 4 digits</source>
        <translation>el principio del nombre, el teléfono o sus 4 últimas cifras</translation>
    </message>
    <message>
        <source>Served last at this counter:</source>
        <translation>Atendidos últimamente en esta caja:</translation>
    </message>
    <message>
        <source>Nobody served at this counter yet.</source>
        <translation>Todavía no se ha atendido a nadie en esta caja.</translation>
    </message>
    <message>
        <source>{n} found for {query}:</source>
        <translation>{n} encontrados para {query}:</translation>
    </message>
    <message>
        <source>Nobody found for {query}. Check the spelling, or enroll (F2).</source>
        <translation>Nadie encontrado para {query}. Revise la ortografía, o dé de alta (F2).</translation>
    </message>
    <message>
        <source>Enter search, then ↑ ↓ and Enter pick · Esc back</source>
        <translation>Enter buscar, luego ↑ ↓ y Enter elegir · Esc volver</translation>
    </message>
</context>
<context>
    <name>PairPage</name>
    <message>
        <source>Pair with the mall&apos;s ledger</source>
        <translation>Emparejar con el libro mayor del centro comercial</translation>
    </message>
    <message>
        <source>Type the ledger&apos;s address and the one-time pairing code your operator made with &apos;memberdesk-ledger terminal add&apos;. This terminal then starts afresh: the demo members and sales stay on this computer, set aside, and never reach the ledger.</source>
        <translation>Escriba la dirección del libro mayor y el código de emparejamiento de un solo uso que su operador creó con &apos;memberdesk-ledger terminal add&apos;. Después este terminal empieza de cero: los socios y ventas de demostración se quedan apartados en este equipo y nunca llegan al libro mayor.</translation>
    </message>
    <message>
        <source>This terminal is paired with {url} now; pairing again starts a new terminal database and sets the current one aside.</source>
        <translation>Este terminal está emparejado ahora con {url}; emparejarlo de nuevo crea una base de datos nueva y guarda aparte la actual.</translation>
    </message>
    <message>
        <source>Ledger &amp;address</source>
        <translation>&amp;Dirección del libro mayor</translation>
    </message>
    <message>
        <source>Pairing &amp;code</source>
        <translation>&amp;Código de emparejamiento</translation>
    </message>
    <message>
        <source>&amp;Terminal id</source>
        <translation>Id. de &amp;terminal</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <translation>&amp;Emparejar</translation>
    </message>
    <message>
        <source>Type the address (starting with https:// or http://) and the code.</source>
        <translation>Escriba la dirección (que empiece por https:// o http://) y el código.</translation>
    </message>
    <message>
        <source>Pairing with {url}…</source>
        <translation>Emparejando con {url}…</translation>
    </message>
    <message>
        <source>The ledger refused: {reason}</source>
        <translation>El libro mayor lo rechazó: {reason}</translation>
    </message>
    <message>
        <source>Cannot reach a ledger at {url}. Check the address, the network and that the ledger runs, then press Pair again.</source>
        <translation>No se puede conectar con un libro mayor en {url}. Compruebe la dirección, la red y que el libro mayor esté en marcha, y pulse Emparejar de nuevo.</translation>
    </message>
    <message>
        <source>Pairing failed: {error}</source>
        <translation>El emparejamiento falló: {error}</translation>
    </message>
    <message>
        <source>Paired: terminal {terminal} of store {store}.</source>
        <translation>Emparejado: terminal {terminal} de la tienda {store}.</translation>
    </message>
</context>
<context>
    <name>PhoneBindingDialog</name>
    <message>
        <source>Bind the member&apos;s phone</source>
        <translation>Vincular el teléfono del socio</translation>
    </message>
    <message>
        <source>Bind the phone of {name}</source>
        <translation>Vincular el teléfono de {name}</translation>
    </message>
    <message>
        <source>Member number {member_id}</source>
        <translation>Número de socio {member_id}</translation>
    </message>
    <message>
        <source>Asking the ledger for a binding code…</source>
        <translation>Pidiendo al libro central un código de vinculación…</translation>
    </message>
    <message>
        <source>The member scans this code with the phone&apos;s camera and opens the page. It works once, until {until}.</source>
        <translation>El socio escanea este código con la cámara del teléfono y abre la página. Sirve una sola vez, hasta las {until}.</translation>
    </message>
    <message>
        <source>Offline: phones are bound with the ledger. Try again when the terminal is online.</source>
        <translation>Sin conexión: los teléfonos se vinculan con el libro central. Inténtelo de nuevo cuando el terminal esté en línea.</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger, so it cannot bind phones.</source>
        <translation>Este terminal no está emparejado con un libro central, así que no puede vincular teléfonos.</translation>
    </message>
    <message>
        <source>The ledger refused to bind a phone for this member; call the service desk.</source>
        <translation>El libro central rechazó vincular un teléfono a este socio; llame a atención al cliente.</translation>
    </message>
    <message>
        <source>No QR yet</source>
        <translation>Aún no hay QR</translation>
    </message>
    <message>
        <source>No QR</source>
        <translation>Sin QR</translation>
    </message>
    <message>
        <source>Enter or Esc close</source>
        <translation>Enter o Esc cerrar</translation>
    </message>
</context>
<context>
    <name>PhonesPage</name>
    <message>
        <source>Look a member up first (the Member field above).</source>
        <translation>Busque primero un socio (el campo Socio de arriba).</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>Consultando al libro central…</translation>
    </message>
    <message>
        <source>Choose a phone with ↑ ↓; Enter removes it (asks first).</source>
        <translation>Elija un teléfono con ↑ ↓; Intro lo quita (pregunta antes).</translation>
    </message>
    <message>
        <source>No phone is bound to this member.</source>
        <translation>Este socio no tiene teléfonos vinculados.</translation>
    </message>
    <message>
        <source>Choose a phone with ↑ ↓ first.</source>
        <translation>Elija primero un teléfono con ↑ ↓.</translation>
    </message>
    <message>
        <source>Remove the phone “{label}”? Its codes stop working at every counter after their next sync. Press Enter again to remove it, or Esc.</source>
        <translation>¿Quitar el teléfono «{label}»? Sus códigos dejarán de servir en todas las cajas tras su próxima sincronización. Pulse Intro otra vez para quitarlo, o Esc.</translation>
    </message>
    <message>
        <source>Removing the phone…</source>
        <translation>Quitando el teléfono…</translation>
    </message>
    <message>
        <source>Removed the phone “{label}”. Counters refuse its codes after their next sync.</source>
        <translation>Teléfono «{label}» quitado. Las cajas rechazarán sus códigos tras su próxima sincronización.</translation>
    </message>
    <message>
        <source>The ledger cannot be reached; phones are listed online.</source>
        <translation>No se puede contactar con el libro central; los teléfonos se consultan en línea.</translation>
    </message>
    <message>
        <source>This terminal is not paired with a ledger.</source>
        <translation>Este terminal no está emparejado con un libro central.</translation>
    </message>
    <message>
        <source>The ledger refused: {words}</source>
        <translation>El libro central lo rechazó: {words}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}).</source>
        <translation>Algo inesperado salió mal ({kind}).</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Vinculado</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Phone id</source>
        <translation>Id. del teléfono</translation>
    </message>
</context>
<context>
    <name>PlusDialog</name>
    <message>
        <source>Asking the ledger…</source>
        <translation>Consultando al registro central…</translation>
    </message>
    <message>
        <source>Sell PLUS?</source>
        <translation>¿Vender PLUS?</translation>
    </message>
    <message>
        <source>Sell PLUS to {name} ({member_id}) for {fee}?</source>
        <translation>¿Vender PLUS a {name} ({member_id}) por {fee}?</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>banco</translation>
    </message>
    <message>
        <source>airline</source>
        <translation>aerolínea</translation>
    </message>
    <message>
        <source>co-branded card</source>
        <translation>tarjeta de marca compartida</translation>
    </message>
    <message>
        <source>corporate</source>
        <translation>empresa</translation>
    </message>
    <message>
        <source>PLUS activated with a code ({channel}), valid until {date}; no fee to take.</source>
        <translation>PLUS activado con un código ({channel}), válido hasta el {date}; no hay cuota que cobrar.</translation>
    </message>
    <message>
        <source>PLUS renewed until {date}; take the fee of {fee}.</source>
        <translation>PLUS renovado hasta el {date}; cobre la cuota de {fee}.</translation>
    </message>
    <message>
        <source>PLUS sold, valid until {date}; take the fee of {fee}.</source>
        <translation>PLUS vendido, válido hasta el {date}; cobre la cuota de {fee}.</translation>
    </message>
    <message>
        <source>{benefit}: code {code}, until {date}.</source>
        <translation>{benefit}: código {code}, hasta el {date}.</translation>
    </message>
    <message>
        <source>Coupons given: {codes}</source>
        <translation>Cupones entregados: {codes}</translation>
    </message>
    <message>
        <source>PLUS membership</source>
        <translation>Membresía PLUS</translation>
    </message>
    <message>
        <source>Renew PLUS (F5)</source>
        <translation>Renovar PLUS (F5)</translation>
    </message>
    <message>
        <source>Sell PLUS (F5)</source>
        <translation>Vender PLUS (F5)</translation>
    </message>
    <message>
        <source>{name} ({member_id}) has PLUS until {date}.</source>
        <translation>{name} ({member_id}) tiene PLUS hasta el {date}.</translation>
    </message>
    <message>
        <source>{name} ({member_id}) has no PLUS.</source>
        <translation>{name} ({member_id}) no tiene PLUS.</translation>
    </message>
    <message>
        <source>Fee: {fee} (your price for growth {growth}; standard {standard})</source>
        <translation>Cuota: {fee} (su precio por crecimiento {growth}; normal {standard})</translation>
    </message>
    <message>
        <source>Fee: {fee}</source>
        <translation>Cuota: {fee}</translation>
    </message>
    <message>
        <source>Valid {days} days: from {start} to {end}</source>
        <translation>Válido {days} días: del {start} al {end}</translation>
    </message>
    <message>
        <source>Points at {percent}% of the base rate</source>
        <translation>Puntos al {percent} % de la tasa base</translation>
    </message>
    <message>
        <source>{percent}% off every purchase</source>
        <translation>{percent} % de descuento en cada compra</translation>
    </message>
    <message>
        <source>Benefits:</source>
        <translation>Ventajas:</translation>
    </message>
    <message>
        <source>Activation code from a bank, airline, card or company (or leave empty):</source>
        <translation>Código de activación de un banco, aerolínea, tarjeta o empresa (o déjelo vacío):</translation>
    </message>
    <message>
        <source>Enter confirm (take the fee, or redeem the code) · Esc cancel</source>
        <translation>Intro confirma (cobrar la cuota o canjear el código) · Esc cancela</translation>
    </message>
</context>
<context>
    <name>PlusSlip</name>
    <message>
        <source>PLUS for member {member_id}</source>
        <translation>PLUS del socio {member_id}</translation>
    </message>
    <message>
        <source>Valid from {start} to {end}</source>
        <translation>Válido del {start} al {end}</translation>
    </message>
    <message>
        <source>Code {code}, until {date}</source>
        <translation>Código {code}, hasta el {date}</translation>
    </message>
    <message>
        <source>Show the code to the partner. Thank you!</source>
        <translation>Muestre el código al socio comercial. ¡Gracias!</translation>
    </message>
</context>
<context>
    <name>PlusWords</name>
    <message>
        <source>PLUS has saved you {amount} this term</source>
        <translation>PLUS le ha ahorrado {amount} en este periodo</translation>
    </message>
    <message>
        <source>In the last 12 months PLUS would have saved you {amount}</source>
        <translation>En los últimos 12 meses PLUS le habría ahorrado {amount}</translation>
    </message>
    <message>
        <source>Your PLUS ends today: renew now and lose no day</source>
        <translation>Su PLUS termina hoy: renueve ahora y no pierda ningún día</translation>
    </message>
    <message>
        <source>Your PLUS ends tomorrow: renew now and lose no day</source>
        <translation>Su PLUS termina mañana: renueve ahora y no pierda ningún día</translation>
    </message>
    <message>
        <source>Your PLUS ends in {days} days: renew now and lose no day</source>
        <translation>Su PLUS termina en {days} días: renueve ahora y no pierda ningún día</translation>
    </message>
    <message>
        <source>Your PLUS has lapsed: join again to keep your benefits</source>
        <translation>Su PLUS ha caducado: vuelva a unirse para mantener sus ventajas</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <source>Store {store} · terminal {terminal}</source>
        <translation>Tienda {store} · terminal {terminal}</translation>
    </message>
    <message>
        <source>Receipt {receipt}</source>
        <translation>Ticket {receipt}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
    <message>
        <source>Member: {member_id} {name}</source>
        <translation>Socio: {member_id} {name}</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>Cupón {code}</translation>
    </message>
    <message>
        <source>{points} points used</source>
        <translation>{points} puntos usados</translation>
    </message>
    <message>
        <source>You saved</source>
        <translation>Usted ahorró</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Points earned: {n}</source>
        <translation>Puntos ganados: {n}</translation>
    </message>
    <message>
        <source>Points spent: {n}</source>
        <translation>Puntos gastados: {n}</translation>
    </message>
    <message>
        <source>Balance: {n} points</source>
        <translation>Saldo: {n} puntos</translation>
    </message>
    <message>
        <source>Expiring soon: {n} points on {date}</source>
        <translation>Vencen pronto: {n} puntos el {date}</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Choose a gift or coupon with ↑ ↓ first.</source>
        <translation>Elija primero un regalo o cupón con ↑ ↓.</translation>
    </message>
    <message>
        <source>This member was identified by a printed card code: ask for their PIN or the last 4 digits of their phone, type it and press Enter.</source>
        <translation>Este socio se identificó con un código de tarjeta impresa: pida su PIN o los últimos 4 dígitos de su teléfono, escríbalo y pulse Enter.</translation>
    </message>
    <message>
        <source>That does not match this member. Ask again, or redeem without the card code (type the member&apos;s phone number at the scan field).</source>
        <translation>No coincide con este socio. Pregunte de nuevo, o canjee sin el código de tarjeta (escriba el teléfono del socio en el campo de escaneo).</translation>
    </message>
    <message>
        <source>Redeem points?</source>
        <translation>¿Canjear puntos?</translation>
    </message>
    <message>
        <source>Redeem {points} points of {name} ({member_id}) for {item}?</source>
        <translation>¿Canjear {points} puntos de {name} ({member_id}) por {item}?</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>Consultando al libro central…</translation>
    </message>
    <message>
        <source>{points} points exchanged for the coupon {name} ({code}); balance {balance} points.</source>
        <translation>{points} puntos canjeados por el cupón {name} ({code}); saldo {balance} puntos.</translation>
    </message>
    <message>
        <source>{points} points redeemed for {name}: hand it over. Balance {balance} points.</source>
        <translation>{points} puntos canjeados por {name}: entrégueselo. Saldo {balance} puntos.</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Regalo</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Cupón</translation>
    </message>
    <message>
        <source>{kind}: {name} — {points} points</source>
        <translation>{kind}: {name} — {points} puntos</translation>
    </message>
    <message>
        <source>{n} in stock</source>
        <translation>{n} en existencias</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>agotado</translation>
    </message>
    <message>
        <source>needs {n} more points</source>
        <translation>faltan {n} puntos</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Canjear puntos</translation>
    </message>
    <message>
        <source>Redeem points (F6)</source>
        <translation>Canjear puntos (F6)</translation>
    </message>
    <message>
        <source>{name} has {points} points (worth {value})</source>
        <translation>{name} tiene {points} puntos (valen {value})</translation>
    </message>
    <message>
        <source>&amp;Gifts and coupons (↑ ↓ to choose)</source>
        <translation>&amp;Regalos y cupones (↑ ↓ para elegir)</translation>
    </message>
    <message>
        <source>&amp;PIN or phone digits</source>
        <translation>&amp;PIN o dígitos del teléfono</translation>
    </message>
    <message>
        <source>a card code above {n} points needs the member&apos;s proof</source>
        <translation>con código de tarjeta, más de {n} puntos requieren que el socio lo demuestre</translation>
    </message>
    <message>
        <source>Offline limits until the next sync: at most {one} points a redemption, {day} points per member a day, {total} points on this terminal; offline for at most {hours} hours.</source>
        <translation>Límites sin conexión hasta la próxima sincronización: como máximo {one} puntos por canje, {day} puntos por socio y día, {total} puntos en este terminal; como máximo {hours} horas sin conexión.</translation>
    </message>
    <message>
        <source>Points off a purchase: Esc, then F4 Checkout and “Points to use”.</source>
        <translation>Puntos en una compra: Esc, luego F4 Cobro y «Puntos a usar».</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter redeem · Esc cancel</source>
        <translation>↑ ↓ elegir · Enter canjear · Esc cancelar</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund amount</source>
        <translation>Importe del reembolso</translation>
    </message>
    <message>
        <source>Type or scan the receipt number.</source>
        <translation>Escriba o escanee el número de ticket.</translation>
    </message>
    <message>
        <source>Check the purchase. Type an amount for a part refund, or leave it empty for all that is left; Enter refunds.</source>
        <translation>Compruebe la compra. Escriba un importe para un reembolso parcial, o déjelo vacío para todo lo restante; Enter reembolsa.</translation>
    </message>
    <message>
        <source>Refund in full?</source>
        <translation>¿Reembolsar todo?</translation>
    </message>
    <message>
        <source>Refund all {amount} of receipt {receipt} to {name} ({member_id})?</source>
        <translation>¿Reembolsar los {amount} restantes del ticket {receipt} a {name} ({member_id})?</translation>
    </message>
    <message>
        <source>Refunded {amount} of receipt {receipt}: {clawed} points taken back, {returned} points given back; balance {balance} points.</source>
        <translation>Reembolsados {amount} del ticket {receipt}: {clawed} puntos retirados, {returned} puntos devueltos; saldo {balance} puntos.</translation>
    </message>
    <message>
        <source>{n} earned points were already spent: the member owes them (overdraft).</source>
        <translation>{n} puntos ganados ya se habían gastado: el socio los debe (descubierto).</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Refund a receipt (F7)</source>
        <translation>Reembolsar un ticket (F7)</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>Número de &amp;ticket</translation>
    </message>
    <message>
        <source>↑ ↓ today&apos;s receipts, or type or scan one, then Enter</source>
        <translation>↑ ↓ tickets de hoy, o escriba o escanee uno, luego Enter</translation>
    </message>
    <message>
        <source>Today&apos;s receipts here (newest first):</source>
        <translation>Tickets de hoy en esta caja (los más recientes primero):</translation>
    </message>
    <message>
        <source>No receipts here today.</source>
        <translation>Hoy no hay tickets en esta caja.</translation>
    </message>
    <message>
        <source>{receipt} · {time} · {name} {member_id} · {paid}</source>
        <translation>{receipt} · {time} · {name} {member_id} · {paid}</translation>
    </message>
    <message>
        <source>refunded {amount}</source>
        <translation>reembolsado {amount}</translation>
    </message>
    <message>
        <source>&amp;Amount ¥</source>
        <translation>&amp;Importe ¥</translation>
    </message>
    <message>
        <source>empty: refund all that is left</source>
        <translation>vacío: reembolsar todo lo restante</translation>
    </message>
    <message>
        <source>Type the receipt number and press Enter.</source>
        <translation>Escriba el número de ticket y pulse Enter.</translation>
    </message>
    <message>
        <source>Receipt {receipt} · {at} · cashier {cashier}</source>
        <translation>Ticket {receipt} · {at} · cajero {cashier}</translation>
    </message>
    <message>
        <source>Member {member_id} {name}</source>
        <translation>Socio {member_id} {name}</translation>
    </message>
    <message>
        <source>Paid {paid} (subtotal {subtotal}, saved {saved})</source>
        <translation>Pagado {paid} (subtotal {subtotal}, ahorro {saved})</translation>
    </message>
    <message>
        <source>Points earned {earned} · points used {used}</source>
        <translation>Puntos ganados {earned} · puntos usados {used}</translation>
    </message>
    <message>
        <source>Coupon used: {code}</source>
        <translation>Cupón usado: {code}</translation>
    </message>
    <message>
        <source>Refunded before: {amount} in {n} refunds</source>
        <translation>Reembolsado antes: {amount} en {n} reembolsos</translation>
    </message>
    <message>
        <source>Can still be refunded: {amount}</source>
        <translation>Aún se puede reembolsar: {amount}</translation>
    </message>
    <message>
        <source>Refunded {amount}</source>
        <translation>Reembolsado {amount}</translation>
    </message>
    <message>
        <source>Overdraft: {n} points the member had already spent; the service desk follows it up.</source>
        <translation>Descubierto: {n} puntos que el socio ya había gastado; el mostrador de servicio hará el seguimiento.</translation>
    </message>
    <message>
        <source>Enter show the purchase, then Enter refund · Esc close</source>
        <translation>Enter mostrar la compra, luego Enter reembolsar · Esc cerrar</translation>
    </message>
    <message>
        <source>Enter or Esc close</source>
        <translation>Enter o Esc cerrar</translation>
    </message>
</context>
<context>
    <name>RuleBook</name>
    <message>
        <source>Bronze</source>
        <translation>Bronce</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Plata</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platino</translation>
    </message>
    <message>
        <source>Points on every purchase</source>
        <translation>Puntos en cada compra</translation>
    </message>
    <message>
        <source>10% more points</source>
        <translation>10 % más de puntos</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>Regalo de cumpleaños</translation>
    </message>
    <message>
        <source>20% more points</source>
        <translation>20 % más de puntos</translation>
    </message>
    <message>
        <source>2% off</source>
        <translation>2 % de descuento</translation>
    </message>
    <message>
        <source>Free gift wrapping</source>
        <translation>Envoltorio de regalo gratis</translation>
    </message>
    <message>
        <source>50% more points</source>
        <translation>50 % más de puntos</translation>
    </message>
    <message>
        <source>5% off</source>
        <translation>5 % de descuento</translation>
    </message>
    <message>
        <source>Free parking 3 h</source>
        <translation>Aparcamiento gratis 3 h</translation>
    </message>
    <message>
        <source>Priority service desk</source>
        <translation>Atención prioritaria</translation>
    </message>
    <message>
        <source>2x points</source>
        <translation>Puntos dobles</translation>
    </message>
    <message>
        <source>3% off</source>
        <translation>3 % de descuento</translation>
    </message>
    <message>
        <source>5% off grocery</source>
        <translation>5 % de descuento en alimentación</translation>
    </message>
    <message>
        <source>8% off dining</source>
        <translation>8 % de descuento en restauración</translation>
    </message>
    <message>
        <source>Cinema: 2 tickets a month at half price</source>
        <translation>Cine: 2 entradas al mes a mitad de precio</translation>
    </message>
    <message>
        <source>Car wash: 1 a month free</source>
        <translation>Lavado de coche: 1 gratis al mes</translation>
    </message>
    <message>
        <source>Grocery</source>
        <translation>Alimentación</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>Moda</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>Electrónica</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>Belleza</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Gourmet</source>
        <translation>Gourmet</translation>
    </message>
    <message>
        <source>Trendsetter</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Habitual</translation>
    </message>
    <message>
        <source>Critic</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <source>Welcome: explain how points work</source>
        <translation>Bienvenida: explique cómo funcionan los puntos</translation>
    </message>
    <message>
        <source>Mention the next tier and what it brings</source>
        <translation>Mencione el siguiente nivel y lo que ofrece</translation>
    </message>
    <message>
        <source>Thank them; offer PLUS if not a member</source>
        <translation>Agradézcale; ofrezca PLUS si no lo tiene</translation>
    </message>
    <message>
        <source>Offer the win-back coupon</source>
        <translation>Ofrezca el cupón de regreso</translation>
    </message>
    <message>
        <source>Offer the win-back coupon and check the phone number</source>
        <translation>Ofrezca el cupón de regreso y compruebe el teléfono</translation>
    </message>
    <message>
        <source>Birthday month: offer the birthday gift</source>
        <translation>Mes de cumpleaños: ofrezca el regalo de cumpleaños</translation>
    </message>
    <message>
        <source>PLUS monthly 10 yuan off 100</source>
        <translation>PLUS mensual: 10 yuanes menos por cada 100</translation>
    </message>
    <message>
        <source>We missed you: 20 yuan off 150</source>
        <translation>Le echábamos de menos: 20 yuanes menos en 150</translation>
    </message>
    <message>
        <source>10% off dining</source>
        <translation>10 % de descuento en restauración</translation>
    </message>
    <message>
        <source>A free coffee</source>
        <translation>Un café gratis</translation>
    </message>
    <message>
        <source>Welcome: 15 yuan off 100</source>
        <translation>Bienvenida: 15 yuanes menos en 100</translation>
    </message>
    <message>
        <source>Happy birthday: 50 yuan off 300</source>
        <translation>Feliz cumpleaños: 50 yuanes menos en 300</translation>
    </message>
    <message>
        <source>Critic: 10 yuan off 80</source>
        <translation>Crítico: 10 yuanes menos en 80</translation>
    </message>
    <message>
        <source>Canvas tote bag</source>
        <translation>Bolsa de lona</translation>
    </message>
    <message>
        <source>Folding umbrella</source>
        <translation>Paraguas plegable</translation>
    </message>
    <message>
        <source>2 hours parking</source>
        <translation>2 horas de aparcamiento</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>✔ Member found</source>
        <translation>✔ Socio encontrado</translation>
    </message>
    <message>
        <source>✘ Not found — check the code</source>
        <translation>✘ No encontrado: revise el código</translation>
    </message>
</context>
<context>
    <name>ServiceDeskDialog</name>
    <message>
        <source>Type a member number or phone, then Enter.</source>
        <translation>Escriba un número de socio o teléfono y pulse Intro.</translation>
    </message>
    <message>
        <source>Show a member&apos;s history first (Ctrl+1).</source>
        <translation>Muestre primero el historial de un socio (Ctrl+1).</translation>
    </message>
    <message>
        <source> · owes {n} points</source>
        <translation> · debe {n} puntos</translation>
    </message>
    <message>
        <source>{name} ({member_id}) · balance {points} points</source>
        <translation>{name} ({member_id}) · saldo {points} puntos</translation>
    </message>
    <message>
        <source>Adjust the points of {name} ({member_id})</source>
        <translation>Ajustar los puntos de {name} ({member_id})</translation>
    </message>
    <message>
        <source>Every counter of the mall, as the ledger has it.</source>
        <translation>Todos los mostradores del centro, según el libro mayor.</translation>
    </message>
    <message>
        <source>This counter only: the ledger does not answer now.</source>
        <translation>Solo este mostrador: el libro mayor no responde ahora.</translation>
    </message>
    <message>
        <source>This counter only.</source>
        <translation>Solo este mostrador.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Points: {text} is not a whole number; type e.g. 200 or -150.</source>
        <translation>Puntos: {text} no es un número entero; escriba p. ej. 200 o -150.</translation>
    </message>
    <message>
        <source>Adjusted {points} points for {member_id}; balance {balance}.</source>
        <translation>Ajustados {points} puntos a {member_id}; saldo {balance}.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Points owed</source>
        <translation>Puntos adeudados</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;3 Overdrafts ({n})</source>
        <translation>&amp;3 Descubiertos ({n})</translation>
    </message>
    <message>
        <source>Choose an overdraft with ↑ ↓ first.</source>
        <translation>Elija primero un descubierto con ↑ ↓.</translation>
    </message>
    <message>
        <source>Writing off an overdraft</source>
        <translation>Condonar un descubierto</translation>
    </message>
    <message>
        <source>Wrote off {points} points owed by {member_id}.</source>
        <translation>Condonados {points} puntos adeudados por {member_id}.</translation>
    </message>
    <message>
        <source>&amp;4 Ledger flags</source>
        <translation>&amp;4 Alertas del libro mayor</translation>
    </message>
    <message>
        <source>&amp;4 Ledger flags ({n})</source>
        <translation>&amp;4 Alertas del libro mayor ({n})</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>Atención al cliente</translation>
    </message>
    <message>
        <source>Service desk (Ctrl+H)</source>
        <translation>Atención al cliente (Ctrl+H)</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <source>Member number or phone, then Enter</source>
        <translation>Número de socio o teléfono, luego Intro</translation>
    </message>
    <message>
        <source>&amp;1 History</source>
        <translation>&amp;1 Historial</translation>
    </message>
    <message>
        <source>&amp;2 Adjust points</source>
        <translation>&amp;2 Ajustar puntos</translation>
    </message>
    <message>
        <source>&amp;Points (+ or −)</source>
        <translation>&amp;Puntos (+ o −)</translation>
    </message>
    <message>
        <source>e.g. 200 or -150</source>
        <translation>p. ej. 200 o -150</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Why, in a few words (required)</source>
        <translation>Por qué, en pocas palabras (obligatorio)</translation>
    </message>
    <message>
        <source>Adjust (Enter)</source>
        <translation>Ajustar (Intro)</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>Moti&amp;vo</translation>
    </message>
    <message>
        <source>Why the member need not pay</source>
        <translation>Por qué el socio no tiene que pagar</translation>
    </message>
    <message>
        <source>Write off (Enter)</source>
        <translation>Condonar (Intro)</translation>
    </message>
    <message>
        <source>An adjustment is recorded with your name and the reason.</source>
        <translation>El ajuste queda registrado con su nombre y el motivo.</translation>
    </message>
    <message>
        <source>A supervisor approves an adjustment: Enter asks for their PIN here; nobody signs out.</source>
        <translation>Un supervisor aprueba el ajuste: Enter pide su PIN aquí; nadie cierra la sesión.</translation>
    </message>
    <message>
        <source>A supervisor approves a write-off: Enter asks for their PIN here.</source>
        <translation>Un supervisor aprueba la condonación: Enter pide su PIN aquí.</translation>
    </message>
    <message>
        <source>Ctrl+1 History · Ctrl+2 Adjust · Ctrl+3 Overdrafts · Ctrl+4 Ledger flags · Ctrl+5 Phones · Ctrl+6 Growth · Enter confirms · Esc closes</source>
        <translation>Ctrl+1 Historial · Ctrl+2 Ajustar · Ctrl+3 Descubiertos · Ctrl+4 Alertas · Ctrl+5 Teléfonos · Ctrl+6 Crecimiento · Intro confirma · Esc cierra</translation>
    </message>
    <message>
        <source>&amp;6 Growth</source>
        <translation>&amp;6 Crecimiento</translation>
    </message>
    <message>
        <source>&amp;5 Phones</source>
        <translation>&amp;5 Teléfonos</translation>
    </message>
    <message>
        <source>A write-off credits exactly what is owed; the ledger applies it as an adjustment. Otherwise the member&apos;s next points pay it off.</source>
        <translation>La condonación abona exactamente lo adeudado; el libro central la aplica como un ajuste. Si no, los próximos puntos del socio lo saldan.</translation>
    </message>
    <message>
        <source>A points adjustment</source>
        <translation>Un ajuste de puntos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>No receipt printer</source>
        <translation>Sin impresora de tickets</translation>
    </message>
    <message>
        <source>A folder for PDF receipts (empty: the reports folder)</source>
        <translation>Carpeta para tickets PDF (vacía: la carpeta de informes)</translation>
    </message>
    <message>
        <source>host:port, e.g. 192.168.1.50:9100</source>
        <translation>host:puerto, p. ej. 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>vendor:product in hex, e.g. 04b8:0202</source>
        <translation>fabricante:producto en hex, p. ej. 04b8:0202</translation>
    </message>
    <message>
        <source>a serial device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>un dispositivo serie, p. ej. /dev/ttyUSB0 o COM3</translation>
    </message>
    <message>
        <source>a file or device path, e.g. /dev/usb/lp0</source>
        <translation>una ruta de archivo o dispositivo, p. ej. /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <source>Store and terminal</source>
        <translation>Tienda y terminal</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Archivo de ajustes</translation>
    </message>
    <message>
        <source>Scanner: &amp;max gap between keys (ms)</source>
        <translation>Escáner: separación &amp;máxima entre teclas (ms)</translation>
    </message>
    <message>
        <source>Scanner: &amp;shortest code</source>
        <translation>Escáner: código más &amp;corto</translation>
    </message>
    <message>
        <source>Scanner: p&amp;refix to remove</source>
        <translation>Escáner: p&amp;refijo a quitar</translation>
    </message>
    <message>
        <source>Scanner: s&amp;uffix to remove</source>
        <translation>Escáner: s&amp;ufijo a quitar</translation>
    </message>
    <message>
        <source>Receipt &amp;printer</source>
        <translation>&amp;Impresora de tickets</translation>
    </message>
    <message>
        <source>Printer &amp;address</source>
        <translation>&amp;Dirección de la impresora</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Store {store} · terminal {terminal}</source>
        <translation>Tienda {store} · terminal {terminal}</translation>
    </message>
    <message>
        <source>Print a receipt after every sale</source>
        <translation>Imprimir un ticket después de cada venta</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Archivo PDF</translation>
    </message>
    <message>
        <source>ESC/POS network</source>
        <translation>ESC/POS en red</translation>
    </message>
    <message>
        <source>ESC/POS USB</source>
        <translation>ESC/POS USB</translation>
    </message>
    <message>
        <source>ESC/POS serial</source>
        <translation>ESC/POS serie</translation>
    </message>
    <message>
        <source>ESC/POS file or device</source>
        <translation>ESC/POS archivo o dispositivo</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Tab moves between fields · Enter or Ctrl+Enter saves · Esc cancels</source>
        <translation>Tab cambia de campo · Intro o Ctrl+Intro guarda · Esc cancela</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Cashier (↑ ↓ to choose)</source>
        <translation>&amp;Cajero (↑ ↓ para elegir)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Escriba su PIN</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Entrar (Intro)</translation>
    </message>
    <message>
        <source>Enter signs in · Esc clears the PIN · F12 changes the language</source>
        <translation>Intro inicia sesión · Esc borra el PIN · F12 cambia el idioma</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
    <message>
        <source>Sign in first, then scan the member code again.</source>
        <translation>Inicie sesión primero y vuelva a escanear el código de socio.</translation>
    </message>
    <message>
        <source>Not signed in: {message}</source>
        <translation>Sesión no iniciada: {message}</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>There is no supervisor on this terminal.</source>
        <translation>No hay ningún supervisor en este terminal.</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>A supervisor approves</source>
        <translation>Un supervisor aprueba</translation>
    </message>
    <message>
        <source>{action}: a supervisor types their PIN here; nobody signs out.</source>
        <translation>{action}: un supervisor escribe su PIN aquí; nadie cierra la sesión.</translation>
    </message>
    <message>
        <source>&amp;Supervisor (↑ ↓)</source>
        <translation>&amp;Supervisor (↑ ↓)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>↑ ↓ supervisor · type the PIN · Enter approve · Esc cancel</source>
        <translation>↑ ↓ supervisor · escriba el PIN · Enter aprobar · Esc cancelar</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync did not finish: {error}</source>
        <translation>La sincronización no terminó: {error}</translation>
    </message>
    <message>
        <source>Sync round finished.</source>
        <translation>Ronda de sincronización terminada.</translation>
    </message>
    <message>
        <source>Only a supervisor can force a sync.</source>
        <translation>Solo un supervisor puede forzar una sincronización.</translation>
    </message>
    <message>
        <source>Sync is not running on this terminal (no ledger).</source>
        <translation>La sincronización no está en marcha en este terminal (sin libro central).</translation>
    </message>
    <message>
        <source>Sync requested; the result appears here.</source>
        <translation>Sincronización solicitada; el resultado aparecerá aquí.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sync with the ledger (Ctrl+L)</source>
        <translation>Sincronización con el libro central (Ctrl+L)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Eventos en espera</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Último éxito</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Libro central</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Not started yet (or no ledger): working offline</source>
        <translation>Aún no ha empezado (o no hay libro central): trabajando sin conexión</translation>
    </message>
    <message>
        <source>Stopped: a supervisor must look ({problem})</source>
        <translation>Detenida: un supervisor debe revisarla ({problem})</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline: retrying in the background</source>
        <translation>Sin conexión: reintentando en segundo plano</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>not paired</source>
        <translation>sin emparejar</translation>
    </message>
    <message>
        <source>{terminal} · store {store}</source>
        <translation>{terminal} · tienda {store}</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+N)</source>
        <translation>Sincronizar ahora (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sync runs by itself every few seconds; Sync now starts a round at once.</source>
        <translation>La sincronización se ejecuta sola cada pocos segundos; Sincronizar ahora inicia una ronda de inmediato.</translation>
    </message>
    <message>
        <source>Only a supervisor can force a sync. Esc closes.</source>
        <translation>Solo un supervisor puede forzar una sincronización. Esc cierra.</translation>
    </message>
</context>
</TS>
